// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = import.meta.dirname;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const sources = files(root).map((path) => relative(root, path));

describe('web/src layout', () => {
  test('no source or stylesheet is over 300 lines (the generated API types aside)', () => {
    const long = sources
      .filter((path) => /\.(tsx?|css)$/.test(path) && path !== 'api/schema.d.ts')
      .map((path) => ({ path, lines: readFileSync(join(root, path), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > 300);
    expect(long).toEqual([]);
  });

  test('app/ is the shell only: hooks live in the folder of their concern', () => {
    expect(sources.filter((path) => /^app\/use-/.test(path))).toEqual([]);
  });

  test('each stylesheet is imported by a module beside it', () => {
    const orphans = sources
      .filter((path) => path.endsWith('.css'))
      .filter((css) => {
        const dir = css.slice(0, css.lastIndexOf('/'));
        const name = css.slice(css.lastIndexOf('/') + 1);
        return !sources.some(
          (path) =>
            path.startsWith(`${dir}/`) &&
            /\.tsx?$/.test(path) &&
            readFileSync(join(root, path), 'utf8').includes(`'./${name}'`),
        );
      });
    expect(orphans).toEqual([]);
  });

  test('mount-app sets the cascade: every stylesheet has its place in its one list', () => {
    const mount = readFileSync(join(root, 'app/mount-app.tsx'), 'utf8');
    const listed = [...mount.matchAll(/^import '([^']+\.css)';$/gm)].map(([, path = '']) =>
      path.startsWith('./') ? `app/${path.slice(2)}` : path.replace(/^\.\.\//, ''),
    );
    const stylesheets = sources.filter((path) => path.endsWith('.css'));
    expect([...listed].filter((path) => !path.startsWith('maplibre-gl')).sort()).toEqual(
      [...stylesheets].sort(),
    );
  });
});
