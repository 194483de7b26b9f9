import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runBasemapCommand } from '../../src/cli/basemap-command';
import { seedDistricts } from '../auth/auth-helpers';
import { writePmtiles } from '../support/pmtiles-writer';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const dir = mkdtempSync(join(tmpdir(), 'basemap-check-'));

function archive(name: string, bounds: [number, number, number, number]): string {
  const path = join(dir, name);
  const tiles = [{ z: 10, x: 566, y: 355, data: new Uint8Array(64) }];
  writeFileSync(path, writePmtiles({ tiles, bounds }));
  return path;
}

function text(stream: PassThrough): string {
  return String(stream.read() ?? '');
}

describe.each(BACKENDS)('pnpm heatmap basemap check (%s)', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    // Buda and Pest: 19.0..19.2 × 47.5..47.6.
    await seedDistricts(db.sql);
  });
  afterAll(() => db?.close());

  async function check(file: string) {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const code = await runBasemapCommand(['check', file], {
      openSql: async () => ({ sql: db.sql, close: async () => {} }),
      stdout,
      stderr,
    });
    return { code, out: text(stdout), err: text(stderr) };
  }

  test('an archive over the districts: its zooms, bounds and centre, covered, exit 0', async () => {
    const result = await check(archive('wide.pmtiles', [18.9, 47.4, 19.3, 47.7]));
    expect(result.code).toBe(0);
    expect(result.out).toContain('tiles:     mvt');
    expect(result.out).toContain('zooms:     10–10');
    expect(result.out).toContain('bounds:    18.90000, 47.40000, 19.30000, 47.70000');
    expect(result.out).toContain('centre:    19.10000, 47.55000');
    expect(result.out).toMatch(/districts: 19\.00000, 47\.50000, 19\.20000, 47\.60000: covered/);
  });

  test('an archive of Buda only: not covered, exit 1', async () => {
    const result = await check(archive('buda.pmtiles', [18.9, 47.4, 19.1, 47.7]));
    expect(result.code).toBe(1);
    expect(result.out).toContain('NOT covered');
  });

  test('a truncated archive: the reason, exit 1', async () => {
    const path = join(dir, 'cut.pmtiles');
    writeFileSync(
      path,
      writePmtiles({
        tiles: [{ z: 10, x: 566, y: 355, data: new Uint8Array(64) }],
        bounds: [18.9, 47.4, 19.3, 47.7],
      }).subarray(0, 140),
    );
    const result = await check(path);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/cut\.pmtiles is truncated/);
  });
});
