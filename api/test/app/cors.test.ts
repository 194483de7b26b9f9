import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { addUser, signIn } from '../auth/auth-helpers';
import { testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const ORIGIN = 'https://newsroom.example';
// Every documented path, its parameters filled in.
const PATHS = Object.keys(
  (JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as { paths: object })
    .paths,
).map((path) => path.replace('{h3}', '881e0364a3fffff').replace('{id}', '1'));
const CORS_HEADERS = [
  'access-control-allow-origin',
  'access-control-allow-credentials',
  'access-control-allow-methods',
  'access-control-allow-headers',
  'access-control-expose-headers',
];

function corsHeadersOf(headers: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(CORS_HEADERS.filter((h) => headers[h] !== undefined).map((h) => [h, headers[h]]));
}

/**
 * CORS policy: the app is same-origin and embeds are iframes, so only the read-only public API answers
 * other origins (GET/HEAD on /api/v1/public/*, never with credentials). OPTIONS anywhere is a clean
 * 204 or 404, never a 500 and never the text of an internal error.
 */
describe.each(BACKENDS)('CORS and OPTIONS on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let cookie: string;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await addUser(db.sql, 'cors-staff', 'regional', 'cors staff password');
    app = await buildApp({ db, config: testConfig() });
    cookie = (await signIn(app, 'cors-staff', 'cors staff password')).cookieHeader;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('a preflight for the public API answers 204 for GET from any origin, without credentials', async () => {
    const response = await app.inject({
      method: 'OPTIONS',
      url: '/api/v1/public/hexagons?res=8',
      headers: { origin: ORIGIN, 'access-control-request-method': 'GET', cookie },
    });
    expect(response.statusCode, response.body).toBe(204);
    expect(response.body).toBe('');
    expect(corsHeadersOf(response.headers)).toEqual({
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, HEAD',
      'access-control-allow-headers': 'If-None-Match',
      'access-control-expose-headers': 'ETag',
    });
  });

  test('a GET of the public API from another origin may be read; a staff route gets no CORS header', async () => {
    const publicAnswer = await app.inject({ url: '/api/v1/public/meta', headers: { origin: ORIGIN } });
    expect(publicAnswer.statusCode, publicAnswer.body).toBe(200);
    expect(publicAnswer.headers['access-control-allow-origin']).toBe('*');
    expect(publicAnswer.headers['access-control-allow-credentials']).toBeUndefined();
    for (const url of ['/api/v1/meta', '/api/v1/auth/me', '/healthz']) {
      const response = await app.inject({ url, headers: { origin: ORIGIN, cookie } });
      expect(response.statusCode, url).toBe(200);
      expect(corsHeadersOf(response.headers), url).toEqual({});
    }
  });

  test('OPTIONS outside the public API is a plain 404 without CORS headers, with or without a preflight', async () => {
    for (const url of ['/api/v1/hexagons?res=8', '/api/v1/messages', '/api/v1/auth/login', '/healthz', '/']) {
      for (const headers of [
        {},
        { origin: ORIGIN, 'access-control-request-method': 'POST' },
        { origin: ORIGIN, 'access-control-request-method': 'GET', cookie },
      ]) {
        const response = await app.inject({ method: 'OPTIONS', url, headers });
        expect(response.statusCode, `${url} ${JSON.stringify(headers)}`).toBe(404);
        expect(response.json()).toEqual({
          statusCode: 404,
          error: 'Not Found',
          message: `No route for OPTIONS ${url.split('?')[0]}`,
        });
        expect(corsHeadersOf(response.headers)).toEqual({});
      }
    }
  });

  test('OPTIONS on every documented path, as a preflight or not: 204 on the public API, else 404, never an internal text', async () => {
    expect(PATHS.length).toBeGreaterThan(15);
    for (const url of PATHS) {
      for (const headers of [
        {},
        { cookie },
        { origin: ORIGIN, 'access-control-request-method': 'GET', cookie },
      ]) {
        const response = await app.inject({ method: 'OPTIONS', url, headers });
        const what = `${url} ${Object.keys(headers).join(',')}`;
        expect(response.statusCode, what).toBe(url.startsWith('/api/v1/public/') ? 204 : 404);
        expect(response.body, what).not.toMatch(/Cannot|undefined|null \(|heatmap_session|at .*\.js/);
      }
    }
  });

  test('a plain OPTIONS on the public API answers 204, never 400 or 500, with or without a cookie', async () => {
    for (const headers of [{}, { cookie }, { origin: ORIGIN }]) {
      const response = await app.inject({ method: 'OPTIONS', url: '/api/v1/public/meta', headers });
      expect(response.statusCode, JSON.stringify(headers)).toBe(204);
      expect(response.body).not.toMatch(/Cannot|null|heatmap_session/);
    }
  });
});
