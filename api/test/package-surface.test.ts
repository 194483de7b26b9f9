import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const packages = ['api', 'geo', 'web', 'tests', 'bench'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name === 'results' || entry.name === 'artifacts') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** One package reaches another only through what that package's package.json exports. */
describe('package surfaces', () => {
  test('every export of every workspace package names a file that exists', () => {
    const missing: string[] = [];
    for (const name of packages) {
      const manifest = JSON.parse(readFileSync(join(root, name, 'package.json'), 'utf8'));
      for (const [entry, target] of Object.entries((manifest.exports ?? {}) as Record<string, string>)) {
        if (!existsSync(join(root, name, target))) missing.push(`${name} ${entry}: ${target}`);
      }
    }
    expect(missing).toEqual([]);
  });

  test('tests/ and bench/ import the api and geo through their package names, never by path', () => {
    const pastTheSurface: string[] = [];
    for (const name of ['tests', 'bench']) {
      for (const file of sourceFiles(join(root, name))) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/from '(\.\.\/[^']*)'/g)) {
          const target = resolve(join(file, '..'), match[1] as string);
          if (!relative(join(root, name), target).startsWith('..')) continue;
          pastTheSurface.push(`${relative(root, file)}: ${match[1]}`);
        }
      }
    }
    expect(pastTheSurface).toEqual([]);
  });

  test('everything @heatmap/geo exports is imported by another package (no rule kept alive by its tests alone)', () => {
    const imported = new Set<string>();
    for (const name of packages.filter((p) => p !== 'geo')) {
      for (const file of sourceFiles(join(root, name))) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*'@heatmap\/geo'/g)) {
          for (const spec of (match[1] as string).split(',')) {
            imported.add(spec.replace(/\btype\b|\s+as\s+\w+/g, '').trim());
          }
        }
      }
    }
    const index = readFileSync(join(root, 'geo/src/index.ts'), 'utf8');
    const exported = [...index.matchAll(/export\s*(?:type\s*)?\{([^}]*)\}/g)].flatMap((m) =>
      (m[1] as string)
        .split(',')
        .map((spec) => spec.replace(/\btype\b/, '').trim())
        .filter(Boolean),
    );
    expect(exported.length).toBeGreaterThan(40);
    expect(exported.filter((name) => !imported.has(name))).toEqual([]);
  });
});
