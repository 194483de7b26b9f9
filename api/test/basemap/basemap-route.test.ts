import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { testConfig } from '../routes/app-helper';
import { writePmtiles } from '../support/pmtiles-writer';
import { createTestDatabase, type TestDatabase } from '../test-database';

const dir = mkdtempSync(join(tmpdir(), 'basemap-'));
const archive = writePmtiles({
  tiles: [
    { z: 10, x: 566, y: 355, data: new Uint8Array(300).fill(7) },
    { z: 11, x: 1132, y: 710, data: new Uint8Array(500).fill(9) },
  ],
  bounds: [19.0, 47.45, 19.1, 47.55],
});
const good = join(dir, 'region.pmtiles');
writeFileSync(good, archive);

function configWith(file: string) {
  return { ...testConfig(), basemap: { file, lang: 'hu', styleUrl: undefined } };
}

// The archive is a file beside the database: the server backend stands in for both.
describe('the basemap archive over HTTP', () => {
  let db: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDatabase('server', 'empty');
    app = await buildApp({ db, config: configWith(good) });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('a byte range is answered 206 with Content-Range, a strong ETag and a long cache', async () => {
    const response = await app.inject({ url: '/basemap/region.pmtiles', headers: { range: 'bytes=0-126' } });
    expect(response.statusCode).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes 0-126/${archive.length}`);
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(response.headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(response.headers['cache-control']).toBe('public, max-age=86400');
    expect(response.rawPayload.equals(Buffer.from(archive.subarray(0, 127)))).toBe(true);
  });

  test('an open-ended and a suffix range read the last bytes', async () => {
    const open = await app.inject({
      url: '/basemap/region.pmtiles',
      headers: { range: `bytes=${archive.length - 10}-` },
    });
    const suffix = await app.inject({ url: '/basemap/region.pmtiles', headers: { range: 'bytes=-10' } });
    for (const response of [open, suffix]) {
      expect(response.statusCode).toBe(206);
      expect(response.rawPayload.equals(Buffer.from(archive.subarray(archive.length - 10)))).toBe(true);
    }
  });

  test('a range past the end is 416 with the size', async () => {
    const response = await app.inject({
      url: '/basemap/region.pmtiles',
      headers: { range: `bytes=${archive.length}-${archive.length + 5}` },
    });
    expect(response.statusCode).toBe(416);
    expect(response.headers['content-range']).toBe(`bytes */${archive.length}`);
  });

  test('no range gives the whole file; HEAD gives its length; a matching ETag 304', async () => {
    const whole = await app.inject({ url: '/basemap/region.pmtiles' });
    expect(whole.statusCode).toBe(200);
    expect(whole.rawPayload.length).toBe(archive.length);
    const head = await app.inject({ method: 'HEAD', url: '/basemap/region.pmtiles' });
    expect(head.headers['content-length']).toBe(String(archive.length));
    const again = await app.inject({
      url: '/basemap/region.pmtiles',
      headers: { 'if-none-match': String(whole.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  test('an If-Range with another ETag gets the whole new file, not a range of it', async () => {
    const response = await app.inject({
      url: '/basemap/region.pmtiles',
      headers: { range: 'bytes=0-9', 'if-range': '"stale"' },
    });
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.length).toBe(archive.length);
  });

  test('/api/v1/public/basemap tells anonymous viewers where the archive is, with its licence', async () => {
    const response = await app.inject({ url: '/api/v1/public/basemap' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'pmtiles', url: '/basemap/region.pmtiles', lang: 'hu' });
    expect(response.json().attribution).toContain('OpenStreetMap');
    // The staff twin, like every staff read, needs a session.
    expect((await app.inject({ url: '/api/v1/basemap' })).statusCode).toBe(401);
  });
});

describe('a wrong basemap file stops the start with the reason', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('server', 'empty');
  });
  afterAll(async () => {
    await db?.close();
  });

  const cases: [string, Uint8Array, RegExp][] = [
    ['truncated', archive.subarray(0, archive.length - 100), /is truncated/],
    ['cut inside the header', archive.subarray(0, 60), /is truncated/],
    [
      'a foreign file',
      new TextEncoder().encode('{"type":"FeatureCollection","features":[]}'),
      /not a PMTiles archive/,
    ],
    [
      'PMTiles version 2',
      Buffer.concat([Buffer.from('PMTiles'), Buffer.from([2]), Buffer.alloc(200)]),
      /version 2/,
    ],
  ];
  for (const [name, bytes, message] of cases) {
    test(`${name}: a ConfigError naming the file`, async () => {
      const file = join(dir, `${name.replaceAll(' ', '-')}.pmtiles`);
      writeFileSync(file, bytes);
      await expect(buildApp({ db, config: configWith(file) })).rejects.toThrow(message);
      await expect(buildApp({ db, config: configWith(file) })).rejects.toMatchObject({ name: 'ConfigError' });
    });
  }

  test('a missing file: a ConfigError', async () => {
    await expect(buildApp({ db, config: configWith(join(dir, 'nope.pmtiles')) })).rejects.toThrow(
      /cannot open/,
    );
  });
});
