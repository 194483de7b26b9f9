import { type SignedIn, signIn } from '@heatmap/api/test-support';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type Answer,
  type BreakInApp,
  bearer,
  dataState,
  PASSWORD,
  type Request,
  record,
  startBreakInApp,
} from './break-in-app';
import { findInternals, isJsonClientError } from './internals-scan';
import { loadEndpoints } from './openapi-endpoints';

const writes = loadEndpoints().filter((e) => e.changesState);
/** Sign-in has no session to protect yet: it is checked by Sec-Fetch-Site and its JSON-only body. */
const sessionWrites = writes.filter((e) => e.path !== '/api/v1/auth/login');

describe('state-changing requests: CSRF and hostile bodies (server)', () => {
  let t: BreakInApp;
  let sessions: number;

  const sessionCount = async () =>
    (await t.db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM sessions`)[0]?.n ?? 0;
  const whoAmI = async (user: SignedIn) =>
    (
      (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: user.cookieHeader } })).json() as {
        login?: string;
      }
    ).login;
  const refusedCleanly = (response: Answer, what: string) => expect(problems(response), what).toEqual([]);

  beforeAll(async () => {
    t = await startBreakInApp('server');
    sessions = await sessionCount();
  });
  afterAll(async () => {
    await t?.close();
  });

  test('the OpenAPI document lists sign-in, sign-out and ingest as state-changing', () => {
    expect(writes.map((e) => `${e.method} ${e.path}`).sort()).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/login',
        'POST /api/v1/auth/logout',
        'POST /api/v1/messages',
      ]),
    );
  });

  test.each(sessionWrites.map((e) => [`${e.method} ${e.path}`, e] as const))(
    '%s with the session cookie but no, a wrong or a foreign CSRF token, or cross-site: 403, nothing changes',
    async (_, e) => {
      const before = await dataState(t.db);
      const cookie = t.clerk.cookieHeader;
      // Everything else right (the ingest token, a valid body): only the CSRF check stands in the way.
      const base: Request = { method: e.method, url: e.path, payload: [record()] };
      for (const [name, headers] of [
        ['no token', { cookie, ...bearer }],
        ['wrong token', { cookie, ...bearer, 'x-csrf-token': 'A'.repeat(43) }],
        ['empty token', { cookie, ...bearer, 'x-csrf-token': '' }],
        ["the admin's token", { cookie, ...bearer, 'x-csrf-token': t.admin.csrfToken }],
        [
          'cross-site',
          { cookie, ...bearer, 'x-csrf-token': t.clerk.csrfToken, 'sec-fetch-site': 'cross-site' },
        ],
        ['padded token', { cookie, ...bearer, 'x-csrf-token': ` ${t.clerk.csrfToken} ` }],
      ] as const) {
        const response = await t.app.inject({ ...base, headers });
        expect(response.statusCode, `${name}: ${response.body.slice(0, 200)}`).toBe(403);
        refusedCleanly(response, name);
      }
      expect(await dataState(t.db)).toEqual(before);
      expect(await whoAmI(t.clerk)).toBe('clerk');
    },
  );

  test('sign-in: cross-site, a form body or a text body is refused and signs nobody in', async () => {
    const payload = { login: 'clerk', password: PASSWORD };
    const attempts: [string, Omit<Request, 'url'>][] = [
      ['cross-site', { payload, headers: { 'sec-fetch-site': 'cross-site' } }],
      [
        'form body',
        {
          payload: `login=clerk&password=${encodeURIComponent(PASSWORD)}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
      ],
      ['text body', { payload: JSON.stringify(payload), headers: { 'content-type': 'text/plain' } }],
      [
        'multipart',
        { payload: '--x\r\n\r\n--x--', headers: { 'content-type': 'multipart/form-data; boundary=x' } },
      ],
    ];
    for (const [name, request] of attempts) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        remoteAddress: '10.1.0.1',
        ...request,
      });
      refusedCleanly(response, name);
    }
    expect(await sessionCount()).toBe(sessions);
  });

  test('sign-in with injection strings, NUL bytes, oversized and malformed bodies: 4xx, no session, nothing changes', async () => {
    const before = await dataState(t.db);
    const bodies: [string, string | object][] = [
      ['quote OR 1=1 login', { login: "clerk' OR 1=1--", password: 'x' }],
      ['quote OR 1=1 password', { login: 'clerk', password: "' OR '1'='1" }],
      ['stacked DROP', { login: 'x; DROP TABLE users', password: '1;DROP TABLE users' }],
      ['NUL in login', { login: 'clerk\u0000', password: PASSWORD }],
      // A wrong password with a NUL inside (trailing NULs are the same key to scrypt's HMAC: not a test).
      ['NUL in password', { login: 'boss', password: `wrong\u0000${PASSWORD}` }],
      ['unicode quotes', { login: '’ OR ‘1’=‘1', password: '’' }],
      ['10 kB login', { login: 'x'.repeat(10_240), password: 'x' }],
      ['1 MB password', { login: 'clerk', password: 'x'.repeat(1024 * 1024) }],
      ['2 MB body', { login: 'clerk', password: 'x', pad: 'x'.repeat(2 * 1024 * 1024) }],
      ['10,000-item array', Array.from({ length: 10_000 }, () => ({ login: 'clerk', password: 'x' }))],
      ['object for a string', { login: { $ne: '' }, password: { $ne: '' } }],
      ['array for a string', { login: ['clerk', 'boss'], password: [PASSWORD] }],
      ['huge number', { login: 1e308, password: 9e307 }],
      ['nested 5,000 deep', `{"login":${'['.repeat(5000)}${']'.repeat(5000)},"password":"x"}`],
      ['malformed JSON', '{"login": "clerk", "password": '],
      ['empty body', ''],
      ['null', 'null'],
    ];
    const found: string[] = [];
    for (const [index, [name, payload]] of bodies.entries()) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload,
        headers: { 'content-type': 'application/json' },
        remoteAddress: `10.2.0.${index + 1}`,
      });
      found.push(...problems(response).map((p) => `${name}: ${p}`));
    }
    expect(found).toEqual([]);
    expect(await sessionCount()).toBe(sessions);
    expect(await dataState(t.db)).toEqual(before);
  });

  test('ingest with hostile bodies, with and without the token: 4xx or every row rejected, nothing changes', async () => {
    const before = await dataState(t.db);
    const invalid = { createdAt: "' OR 1=1--", category: '1;DROP TABLE messages', lat: '$$', lon: '’' };
    const bodies: [string, string | object, Record<string, string>][] = [
      ['object, not a list', { messages: [record()] }, {}],
      ['10,001 records', Array.from({ length: 10_001 }, () => ({})), {}],
      [
        'injection in every field of invalid rows',
        [invalid, { ...invalid, lat: 'NaN', lon: 'Infinity' }],
        {},
      ],
      ['huge and negative coordinates', [record({ lat: 1e308, lon: -1e308 }), record({ lat: 'NaN' })], {}],
      ['scalars and nulls', [1, 'x', null, [], true], {}],
      ['nested 5,000 deep', `[${'['.repeat(5000)}${']'.repeat(5000)}]`, {}],
      ['malformed JSON', '[{"createdAt": ', {}],
      ['malformed NDJSON', '{"a":1}\n{not json\n', { 'content-type': 'application/x-ndjson' }],
      [
        'NUL bytes in NDJSON',
        `${JSON.stringify(invalid)}\n\u0000\u0000\n`,
        { 'content-type': 'application/x-ndjson' },
      ],
      ['XML', '<messages><message/></messages>', { 'content-type': 'application/xml' }],
    ];
    const found: string[] = [];
    for (const [name, payload, headers] of bodies) {
      for (const auth of [{}, { authorization: 'Bearer wrong' }, bearer]) {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/v1/messages',
          payload,
          headers: { 'content-type': 'application/json', ...headers, ...auth },
        });
        const what = `${name} ${JSON.stringify(auth)}`;
        if (response.statusCode === 200) {
          const report = response.json() as { inserted: number; updated: number; rejected: unknown[] };
          expect(report.inserted + report.updated, what).toBe(0);
          expect(report.rejected.length, what).toBeGreaterThan(0);
          expect(auth, what).toBe(bearer);
        } else found.push(...problems(response).map((p) => `${what}: ${p}`));
      }
    }
    expect(found).toEqual([]);
    expect(await dataState(t.db)).toEqual({ ...before, dataVersion: expect.any(String) });
    expect(Number((await dataState(t.db)).dataVersion)).toBeLessThanOrEqual(Number(before.dataVersion) + 1);
  });

  test('ingest: a body over the 64 MB limit is 413 before it is read', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      payload: `[${' '.repeat(65 * 1024 * 1024)}]`,
      headers: { 'content-type': 'application/json', ...bearer },
    });
    expect(response.statusCode).toBe(413);
    refusedCleanly(response, '65 MB');
  });

  test('a row carrying injection strings and a NUL byte is stored as the literal text or rejected, never a 500', async () => {
    const before = await dataState(t.db);
    const literal = "Robert'); DROP TABLE messages;-- $$ ’";
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      payload: [
        record({ id: 'literal-1', title: literal, text: `nul\u0000byte ${literal}`, category: literal }),
      ],
      headers: bearer,
    });
    expect(response.statusCode, response.body.slice(0, 300)).toBe(200);
    const report = response.json() as { inserted: number; rejected: unknown[] };
    const after = await dataState(t.db);
    expect({
      ...after,
      messages: before.messages,
      dataVersion: before.dataVersion,
      categories: before.categories,
    }).toEqual(before);
    if (report.inserted === 1) {
      const [row] = await t.db.sql<
        { title: string }[]
      >`SELECT title FROM messages WHERE external_id = 'literal-1'`;
      expect(row?.title).toBe(literal);
      expect(after.messages).toBe(before.messages + 1);
    } else expect(after.messages).toBe(before.messages);
  });

  // Last: the positive controls end a session and add a row, which the tests above must not see.
  test('with the right token from the same site the same requests go through (the tests above can fail)', async () => {
    const fresh = await signIn(t.app, 'clerk', PASSWORD, { remoteAddress: '10.0.0.9' });
    const ingest = await t.app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      payload: [record()],
      headers: {
        cookie: fresh.cookieHeader,
        'x-csrf-token': fresh.csrfToken,
        'sec-fetch-site': 'same-origin',
        ...bearer,
      },
    });
    expect(ingest.statusCode, ingest.body).toBe(200);
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: fresh.cookieHeader, 'x-csrf-token': fresh.csrfToken },
    });
    expect(logout.statusCode).toBe(204);
    expect(await whoAmI(fresh)).toBeUndefined();
  });
});

/** What is wrong with an answer that should refuse a request: it must be a clean 4xx, sign nobody in. */
function problems(response: Answer): string[] {
  const found: string[] = [];
  if (response.statusCode < 400 || response.statusCode >= 500) {
    found.push(`status ${response.statusCode} ${response.body.slice(0, 120)}`);
  } else if (!isJsonClientError(response)) found.push('4xx without a JSON message');
  found.push(...findInternals(response).map((leak) => `shows ${leak}`));
  if (/heatmap_session=[^;]/.test(String(response.headers['set-cookie'] ?? ''))) found.push('sets a session');
  return found;
}
