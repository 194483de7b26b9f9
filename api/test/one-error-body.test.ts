import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const src = resolve(import.meta.dirname, '../src');
const HOME = 'errors/http-error.ts';
/** The body's schema (the OpenAPI contract), once. */
const SCHEMA_HOME = 'schemas/common.ts';

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    if (!/\.ts$/.test(entry.name) || /\.test\.ts$/.test(entry.name)) return [];
    return [{ path: relative(src, file).replaceAll('\\', '/'), text: readFileSync(file, 'utf8') }];
  });
}

// Comments may describe the body; only code builds it. Blanked, not removed, so line numbers stay.
const withoutComments = (text: string) =>
  text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (comment) => comment.replace(/[^\n]/g, ' '));
const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

describe('one error body, one error type', () => {
  const files = sources(src);

  test('only errors/http-error.ts builds the { statusCode, error, message } body, and one schema declares it', () => {
    const builders = files.flatMap(({ path, text }) =>
      path === HOME || path === SCHEMA_HOME
        ? []
        : [...withoutComments(text).matchAll(/\{\s*statusCode\b[^{}]*\berror\b[^{}]*\}/g)].map(
            (m) => `${path}:${lineOf(text, m.index)}`,
          ),
    );
    expect(builders).toEqual([]);
  });

  test('an error that carries an HTTP status is an HttpError (no second statusCode convention)', () => {
    const strays = files.flatMap(({ path, text }) =>
      path === HOME
        ? []
        : [...text.matchAll(/readonly statusCode\s*=|class \w+ extends Error\b[^{]*\{[^}]*statusCode/g)].map(
            (m) => `${path}:${lineOf(text, m.index)}`,
          ),
    );
    expect(strays).toEqual([]);
  });

  test('each error class is defined once', () => {
    const names = files.flatMap(({ text }) =>
      [...text.matchAll(/class (\w+) extends \w*Error\b/g)].map((m) => m[1]),
    );
    const twice = names.filter((name, i) => names.indexOf(name) !== i);
    expect(twice).toEqual([]);
  });
});
