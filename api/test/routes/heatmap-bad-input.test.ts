import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp } from './app-helper';

/** Validation answers before any data is read: an empty database is enough. */
describe.each(BACKENDS)('heat map routes on %s: bad input', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    app = await buildTestApp(db);
  });
  afterAll(async () => {
    await app.close();
    await db.close();
  });

  const BAD: Array<[string, number, RegExp]> = [
    ['/api/v1/hexagons?res=4', 400, /"res".*5 to 10/],
    ['/api/v1/hexagons?res=11', 400, /"res".*5 to 10/],
    ['/api/v1/hexagons?res=abc', 400, /"res".*integer/],
    ['/api/v1/hexagons?from=2024-05-01&to=2024-04-01', 400, /"from".*after to/],
    ['/api/v1/hexagons?from=yesterday', 400, /"from".*ISO 8601/],
    ['/api/v1/hexagons?from=2024-02-30', 400, /"from".*ISO 8601/],
    ['/api/v1/hexagons?bbox=19,47,19.2', 400, /"bbox".*west,south,east,north/],
    ['/api/v1/hexagons?bbox=19.3,47.4,19.0,47.6', 400, /"bbox".*antimeridian crossing/],
    ['/api/v1/hexagons?bbox=19,47.6,19.3,47.4', 400, /"bbox".*south/],
    ['/api/v1/hexagons?bbox=19,47,200,48', 400, /"bbox".*\[-180, 180\]/],
    ['/api/v1/hexagons?status=open', 400, /"status".*new, in_progress/],
    ['/api/v1/timeline?bucket=year', 400, /"bucket".*hour, day, week, month/],
    ['/api/v1/timeline?bucket=hour&from=2020-01-01&to=2025-01-01', 400, /"bucket".*more than 10000/],
    ['/api/v1/cells/zzzzzzzzzzzzzzz/messages', 400, /"h3"/],
    ['/api/v1/cells/fffffffffffffff/messages', 400, /"h3".*not a valid H3/],
    ['/api/v1/cells/831e15fffffffff/messages', 400, /"h3".*resolution 3/],
    ['/api/v1/cells/871e15b4dffffff/messages?limit=501', 400, /"limit".*1 to 500/],
    ['/api/v1/cells/871e15b4dffffff/messages?limit=0', 400, /"limit".*1 to 500/],
    ['/api/v1/cells/871e15b4dffffff/messages?cursor=bm9wZQ', 400, /"cursor"/],
    ['/api/v1/messages/abc', 400, /"id".*positive integer/],
    ['/api/v1/nothing-here', 404, /No route/],
  ];

  test.each(BAD)('%s gets %i and a message naming the parameter', async (url, status, message) => {
    const response = await app.inject({ url });
    expect(response.statusCode).toBe(status);
    const body = response.json();
    expect(body.message).toMatch(message);
    expect(response.body).not.toMatch(/SELECT|\.ts:\d|\n\s+at /);
  });
});
