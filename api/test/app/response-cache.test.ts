import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildTestApp } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

/**
 * The cached aggregates carry ETags and pick their encoding the way @fastify/compress does for every other
 * response.
 */
describe.each(BACKENDS)('response cache content negotiation on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    app = await buildTestApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const encodingFor = async (acceptEncoding: string | undefined) => {
    const headers = acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding };
    const response = await app.inject({ url: '/api/v1/meta', headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.headers['content-encoding'] ?? 'identity';
  };

  test('Accept-Encoding q-values choose between gzip and the plain body', async () => {
    expect(await encodingFor('gzip')).toBe('gzip');
    expect(await encodingFor('gzip, deflate, br')).not.toBe('identity');
    expect(await encodingFor(undefined)).toBe('identity');
    expect(await encodingFor('gzip;q=0')).toBe('identity');
    // The client prefers the plain body; gzip is only a fallback.
    expect(await encodingFor('gzip;q=0.1, identity')).toBe('identity');
    expect(await encodingFor('identity;q=0.2, gzip;q=0.9')).toBe('gzip');
  });
});

describe.each(BACKENDS)('response cache on %s with the Járókelő data', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'seeded');
    app = await buildTestApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('responses carry an ETag, answer 304 to it, and are compressed', async () => {
    const url = '/api/v1/hexagons?res=8&from=2024-01-01&to=2024-02-01';
    const first = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
    expect(first.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url });
    expect(JSON.parse(gunzipSync(first.rawPayload).toString('utf8'))).toEqual(plain.json());
    expect(plain.json().cells.length).toBeGreaterThan(10);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/);
    const again = await app.inject({ url, headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const other = await app.inject({ url: `${url}&category=1`, headers: { 'if-none-match': etag } });
    expect(other.statusCode).toBe(200);
  });
});
