import postgres from 'postgres';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Database, Sql } from '../../src/db/database';
import { buildTestApp } from '../routes/app-helper';

// A database nobody listens on: every query fails inside the server, as a lost connection would.
const sql = postgres('postgres://nobody:secret@127.0.0.1:1/none', {
  connect_timeout: 2,
  max: 1,
}) as unknown as Sql;
const unreachable: Database = { sql, kind: 'server', close: () => sql.end() };
let app: Awaited<ReturnType<typeof buildTestApp>>;

beforeAll(async () => {
  // No session can be opened without a database: the public routes are the ones an anonymous caller reaches.
  app = await buildTestApp(unreachable, { signedIn: false });
});
afterAll(async () => {
  await app.close();
  await unreachable.close();
});

test('an unreachable database answers 503 with Retry-After and a generic message: no stack, SQL or connection details', async () => {
  const response = await app.inject({ url: '/api/v1/public/hexagons?res=8&category=1' });
  expect(response.statusCode).toBe(503);
  expect(response.headers['retry-after']).toBe('5');
  expect(response.json()).toEqual({
    statusCode: 503,
    error: 'Service Unavailable',
    message: 'The database is unreachable for the moment; try again shortly',
  });
});

test('/readyz says the database is unavailable', async () => {
  const response = await app.inject({ url: '/readyz' });
  expect(response.statusCode).toBe(503);
  expect(response.json()).toEqual({ status: 'unavailable', reason: 'database unreachable' });
  expect(response.body).not.toMatch(/127\.0\.0\.1|secret|ECONNREFUSED/);
});

test('validation still answers 400 before any query', async () => {
  const response = await app.inject({ url: '/api/v1/public/timeline?bucket=year' });
  expect(response.statusCode).toBe(400);
  expect(response.json().message).toBe(
    'Invalid query parameter "bucket": must be one of hour, day, week, month',
  );
});
