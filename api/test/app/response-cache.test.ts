import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildTestApp } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

/** The cached aggregates pick their encoding the way @fastify/compress does for every other response. */
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
