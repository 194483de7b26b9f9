import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const src = resolve(import.meta.dirname, '../src');

/** Where SQL lives: reads in queries/, writes in repositories/. */
const homes = ['queries/', 'repositories/'];

/** Places outside those homes that may still hold SQL, each with its reason. */
const exceptions: Record<string, string> = {
  'db/': 'the database layer itself: migration bookkeeping and the data-directory owner check',
};

// A template tagged by the postgres.js client (`sql`, `tx`, `db.sql`, optionally typed `sql<Row[]>`)
// or its raw-text escape hatch.
const sqlTemplate = /\b(?:sql|tx)\s*(?:<[^`]*?>)?\s*`|\.unsafe\s*\(/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.test\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('SQL placement', () => {
  test('SQL tagged templates appear only in queries/ and repositories/ (and the listed exceptions)', () => {
    const strays: string[] = [];
    for (const file of sourceFiles(src)) {
      const path = relative(src, file).replaceAll('\\', '/');
      if ([...homes, ...Object.keys(exceptions)].some((home) => path.startsWith(home))) continue;
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(sqlTemplate)) {
        const line = text.slice(0, match.index).split('\n').length;
        strays.push(`${path}:${line}`);
      }
    }
    expect(strays).toEqual([]);
  });

  test('the scan recognises the forms the client is called with', () => {
    const forms = [
      'sql`SELECT 1`',
      'db.sql<{ a: number; b: number }[]>`SELECT 1`',
      'tx`DELETE FROM t`',
      'sql.unsafe(text)',
    ];
    for (const form of forms) expect(form.match(sqlTemplate), form).not.toBeNull();
    expect('sql.begin((tx) => f(tx))'.match(sqlTemplate)).toBeNull();
  });
});
