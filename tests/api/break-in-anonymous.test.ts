import { buildApp } from '@heatmap/api';
import { INGEST_TOKEN, signIn, testConfig } from '@heatmap/api/test-support';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asUser, type BreakInApp, dataState, PASSWORD, startBreakInApp } from './break-in-app';
import { findInternals, isJsonClientError } from './internals-scan';
import { loadEndpoints, urlFor } from './openapi-endpoints';
import { rawRequest } from './raw-http';

const endpoints = loadEndpoints();
const staffReads = endpoints.filter((e) => e.isStaff && e.method === 'GET');
const staffWrites = endpoints.filter((e) => e.isStaff && e.method !== 'GET');
const publicReads = endpoints.filter((e) => e.isPublic && e.method === 'GET');
/** Data in a body: any of the keys the staff routes answer with. */
const DATA_KEYS = /"(cells|messages|features|total|count|lat|lon|title|text|categories|edges)"/;

describe('unauthenticated callers get 401 from every staff endpoint (server)', () => {
  let t: BreakInApp;
  let port: number;

  beforeAll(async () => {
    t = await startBreakInApp('server');
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await t?.close();
  });

  test('the OpenAPI document lists staff reads, staff writes and public reads', () => {
    expect(staffReads.length).toBeGreaterThanOrEqual(7);
    expect(staffWrites.map((e) => `${e.method} ${e.path}`)).toContain('POST /api/v1/messages');
    expect(publicReads.length).toBeGreaterThanOrEqual(6);
  });

  test.each(staffReads.map((e) => [e.path, e] as const))('GET/HEAD %s: 401 with no data', async (_, e) => {
    const valid = urlFor(e, t.known, { res: '8' });
    const garbage = urlFor(e, t.known, { res: "'%20OR%201=1--", h3: 'zzz', id: '0' });
    const bogusSession = { cookie: `heatmap_session=${'A'.repeat(43)}` };
    const ended = await endedSession(t);
    for (const [url, headers, method] of [
      [valid, {}, 'GET'],
      [valid, {}, 'HEAD'],
      [garbage, {}, 'GET'],
      [valid, bogusSession, 'GET'],
      [valid, { cookie: ended }, 'GET'],
      [valid, { authorization: `Bearer ${INGEST_TOKEN}` }, 'GET'],
    ] as const) {
      const response = await t.app.inject({ method, url, headers });
      expect(response.statusCode, `${method} ${url} ${JSON.stringify(headers)}`).toBe(401);
      if (method === 'GET') expect(isJsonClientError(response), url).toBe(true);
      expect(response.body).not.toMatch(DATA_KEYS);
      expect(findInternals(response)).toEqual([]);
    }
  });

  test.each(staffWrites.map((e) => [`${e.method} ${e.path}`, e] as const))(
    '%s without credentials: 401 and nothing changes',
    async (_, e) => {
      const before = await dataState(t.db);
      const payload = [
        { id: 'anon-1', createdAt: '2025-01-01T10:00:00Z', category: 'X', lat: 47.5, lon: 19.05 },
      ];
      for (const headers of [{}, { authorization: 'Bearer wrong-token' }, { authorization: INGEST_TOKEN }]) {
        const response = await t.app.inject({ method: e.method, url: urlFor(e, t.known), payload, headers });
        expect(response.statusCode, JSON.stringify(headers)).toBe(401);
        expect(isJsonClientError(response)).toBe(true);
      }
      expect(await dataState(t.db)).toEqual(before);
    },
  );

  // A request target in absolute-form (RFC 9112 §3.2.2) is valid HTTP/1.1 that every server must
  // accept; proxies send it. It reaches the same route, so it must meet the same checks.
  test.each(staffReads.map((e) => [e.path, e] as const))(
    'GET %s written in absolute-form or with odd paths: 401 or 404, never data',
    async (_, e) => {
      const path = urlFor(e, t.known, { res: '8' });
      for (const target of [
        `http://heatmap.test${path}`,
        `http://heatmap.test:80${path}`,
        path.replace('/api/v1/', '/api/v1//'),
        path.replace('/api/v1/', '/api/v1/./'),
        path.replace('/api/v1/', '/api/v1/auth/../'),
        path.replace('/api/v1/', '/api/v1/auth/%2e%2e/'),
        path.replace('/api/v1/', '/api/v1/public/../'),
        path.replace('/api/v1/', '/api/v1/%61uth/../'),
        path.replace(/^\/api\/v1\/(\w)/, (_m, c: string) => `/api/v1/%${c.charCodeAt(0).toString(16)}`),
      ]) {
        const response = await rawRequest(port, target);
        expect([401, 404], `${target}: ${response.body.slice(0, 200)}`).toContain(response.statusCode);
        expect(response.body, target).not.toMatch(DATA_KEYS);
      }
    },
  );

  test('with the public map switched off, the public endpoints answer 401 too', async () => {
    const closed = await buildApp({
      db: t.db,
      config: { ...testConfig(), auth: { ...testConfig().auth, publicMap: false } },
    });
    try {
      for (const e of publicReads) {
        const url = urlFor(e, t.known, { res: '8' });
        const response = await closed.inject({ url });
        expect(response.statusCode, url).toBe(401);
        expect(response.body).not.toMatch(DATA_KEYS);
      }
    } finally {
      await closed.close();
    }
  });
});

/** The cookie of a session that signed out: it must be worth nothing afterwards. */
async function endedSession(t: BreakInApp): Promise<string> {
  const session = await signIn(t.app, 'clerk', PASSWORD, { remoteAddress: '10.0.0.3' });
  const logout = await t.app.inject(asUser(session, { method: 'POST', url: '/api/v1/auth/logout' }));
  if (logout.statusCode !== 204) throw new Error(`logout failed: ${logout.statusCode} ${logout.body}`);
  return session.cookieHeader;
}
