import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { hashSessionToken } from '../../src/auth/session-token';
import type { Config } from '../../src/config/config';
import { INGEST_TOKEN, testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { addUser, seedDistricts, signIn } from './auth-helpers';

const PASSWORD = 'correct horse battery';

/** The test settings with Secure cookies, as in production behind HTTPS. */
function secureConfig(): Config {
  const config = testConfig();
  return { ...config, auth: { ...config.auth, cookieSecure: true } };
}

describe.each(BACKENDS)('auth routes on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await seedDistricts(db.sql);
    await addUser(db.sql, 'admin', 'admin', PASSWORD);
    await addUser(db.sql, 'pest.clerk', 'municipal', PASSWORD, ['Pest']);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });
  beforeEach(async () => {
    await app?.close();
    app = await buildApp({ db, config: secureConfig() });
  });
  const me = async (cookie: string) =>
    (await app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json();

  test('signing in sets an httpOnly, SameSite=Lax, Secure session cookie and a readable CSRF cookie', async () => {
    const { response } = await signIn(app, 'Admin', PASSWORD);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ login: 'admin', role: 'admin', districts: [] });
    const session = response.cookies.find((c) => c.name === 'heatmap_session');
    const csrf = response.cookies.find((c) => c.name === 'heatmap_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: true, path: '/' });
    expect(session?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(csrf).toMatchObject({ sameSite: 'Lax', secure: true, path: '/' });
    expect(csrf?.httpOnly).toBeFalsy();
    expect(response.json().csrfToken).toBe(csrf?.value);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  test('only a hash of the session token is stored', async () => {
    const { cookies } = await signIn(app, 'admin', PASSWORD);
    const token = cookies.heatmap_session as string;
    const rows = await db.sql<{ token_hash: string }[]>`SELECT token_hash FROM sessions`;
    expect(rows.map((r) => r.token_hash)).toContain(hashSessionToken(token));
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });

  test('the Secure flag follows the configuration', async () => {
    const plain = await buildApp({ db, config: testConfig() });
    const { response } = await signIn(plain, 'admin', PASSWORD);
    expect(response.cookies.find((c) => c.name === 'heatmap_session')?.secure).toBeFalsy();
    await plain.close();
  });

  test('a wrong password and an unknown login get the same 401 and no cookie', async () => {
    const wrong = await signIn(app, 'admin', 'not the password');
    const unknown = await signIn(app, 'nobody', 'not the password');
    expect(wrong.response.statusCode).toBe(401);
    expect(unknown.response.statusCode).toBe(401);
    expect(unknown.response.json()).toEqual(wrong.response.json());
    expect(wrong.response.json().message).toBe('Wrong login or password.');
    expect(wrong.response.cookies).toEqual([]);
    expect(unknown.response.cookies).toEqual([]);
  });

  test('an unknown login costs a password check like a wrong password (no timing oracle)', async () => {
    const time = async (login: string) => {
      const started = performance.now();
      await signIn(app, login, 'not the password', {
        remoteAddress: `10.0.0.${Math.floor(Math.random() * 250)}`,
      });
      return performance.now() - started;
    };
    await time('warm-up');
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) {
      wrong.push(await time('admin'));
      unknown.push(await time(`nobody${i}`));
    }
    // Both run one scrypt (~70 ms here); skipping it would make the unknown path ~1 ms.
    expect(median(unknown)).toBeGreaterThan(median(wrong) * 0.5);
    expect(median(unknown)).toBeGreaterThan(20);
  });

  test('GET /me tells who is signed in, and public when nobody is', async () => {
    const { cookieHeader } = await signIn(app, 'pest.clerk', PASSWORD);
    const me = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: cookieHeader } });
    const pest = (await db.sql<{ id: number }[]>`SELECT id FROM districts WHERE name = 'Pest'`)[0]?.id;
    expect(me.json()).toEqual({
      login: 'pest.clerk',
      role: 'municipal',
      districts: [{ id: pest, name: 'Pest' }],
    });
    const anonymous = await app.inject({ url: '/api/v1/auth/me' });
    expect(anonymous.json()).toEqual({ role: 'public', publicMap: true });
  });

  test('signing out ends the session on the server, not just in the browser', async () => {
    const { cookieHeader, csrfToken } = await signIn(app, 'admin', PASSWORD);
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: cookieHeader, 'x-csrf-token': csrfToken },
    });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'heatmap_session');
    expect(cleared?.value).toBe('');
    // The old cookie, replayed, no longer signs anyone in.
    const me = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: cookieHeader } });
    expect(me.json()).toEqual({ role: 'public', publicMap: true });
  });

  test('an expired session signs nobody in; activity slides the expiry forward', async () => {
    const { cookies, cookieHeader } = await signIn(app, 'admin', PASSWORD);
    const hash = hashSessionToken(cookies.heatmap_session as string);
    await db.sql`UPDATE sessions SET last_seen_at = now() - interval '2 hours', expires_at = now() + interval '1 hour' WHERE token_hash = ${hash}`;
    await app.inject({ url: '/api/v1/auth/me', headers: { cookie: cookieHeader } });
    const [slid] = await db.sql<{ hours: number }[]>`
      SELECT extract(epoch FROM expires_at - now()) / 3600 AS hours FROM sessions WHERE token_hash = ${hash}`;
    expect(Number(slid?.hours)).toBeGreaterThan(11.9);

    await db.sql`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE token_hash = ${hash}`;
    const me = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: cookieHeader } });
    expect(me.json()).toEqual({ role: 'public', publicMap: true });
  });

  test('a session older than the absolute maximum ends however active it is', async () => {
    const { cookies, cookieHeader } = await signIn(app, 'admin', PASSWORD);
    const hash = hashSessionToken(cookies.heatmap_session as string);
    await db.sql`UPDATE sessions SET created_at = now() - interval '31 days' WHERE token_hash = ${hash}`;
    const me = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: cookieHeader } });
    expect(me.json().role).toBe('public');
  });

  test('a state change with the session cookie but no CSRF token is refused and does nothing', async () => {
    const { cookieHeader } = await signIn(app, 'admin', PASSWORD);
    const logout = (headers: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    const refused = await logout({ cookie: cookieHeader });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/CSRF token/);
    expect((await me(cookieHeader)).role).toBe('admin');
    // A planted CSRF cookie echoed in the header does not match the session token.
    const forged = await logout({
      cookie: cookieHeader.replace(/heatmap_csrf=[^;]*/, 'heatmap_csrf=planted'),
      'x-csrf-token': 'planted',
    });
    expect(forged.statusCode).toBe(403);
    expect((await me(cookieHeader)).role).toBe('admin');
  });

  test('with the CSRF token the state change goes through; cross-site it does not', async () => {
    const { cookieHeader, csrfToken } = await signIn(app, 'admin', PASSWORD);
    const headers = { cookie: cookieHeader, 'x-csrf-token': csrfToken };
    const crossSite = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { ...headers, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(403);
    expect((await me(cookieHeader)).role).toBe('admin');
    const ok = await app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers });
    expect(ok.statusCode).toBe(204);
    expect((await me(cookieHeader)).role).toBe('public');
    const crossSiteLogin = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'admin', password: PASSWORD },
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSiteLogin.statusCode).toBe(403);
    expect(crossSiteLogin.cookies).toEqual([]);
  });

  test('a Bearer-token POST without a session cookie is not subject to CSRF', async () => {
    const ingest = await app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      headers: { authorization: `Bearer ${INGEST_TOKEN}` },
      payload: [
        { id: 'bearer-1', createdAt: '2024-06-01T10:00:00Z', category: 'roads', lat: 47.55, lon: 19.15 },
      ],
    });
    expect(ingest.statusCode, ingest.body).toBe(200);
    expect(ingest.json()).toMatchObject({ inserted: 1, rejected: [] });
  });

  test('staff-only routes answer 401 without a session', async () => {
    const [message] = await db.sql<{ id: bigint }[]>`SELECT id FROM messages LIMIT 1`;
    for (const url of ['/api/v1/summary', '/api/v1/export/messages.csv', `/api/v1/messages/${message?.id}`]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(401);
      expect(response.body).not.toMatch(/Pothole/);
    }
  });

  test('oversized or malformed sign-in bodies get 400', async () => {
    const long = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'admin', password: 'x'.repeat(5000) },
    });
    expect(long.statusCode).toBe(400);
    const form = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: 'login=admin&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(415);
    const injection = await signIn(app, "admin' OR '1'='1", "' OR '1'='1");
    expect(injection.response.statusCode).toBe(401);
  });
});
