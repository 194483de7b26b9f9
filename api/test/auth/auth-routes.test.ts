import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { hashSessionToken } from '../../src/auth/session-token';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { addUser, buildAuthApp, seedDistricts, signIn } from './auth-test-app';

const PASSWORD = 'correct horse battery';

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
    await db?.close();
  });
  beforeEach(async () => {
    await app?.close();
    app = await buildAuthApp(db.sql);
  });

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
    const plain = await buildAuthApp(db.sql, { config: { cookieSecure: false } });
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
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: cookieHeader },
    });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().message).toMatch(/CSRF token/);
    const me = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: cookieHeader } });
    expect(me.json().role).toBe('admin');
    const forged = await app.inject({
      method: 'POST',
      url: '/test/staff-action',
      headers: {
        cookie: `${cookieHeader.replace(/heatmap_csrf=[^;]*/, 'heatmap_csrf=planted')}`,
        'x-csrf-token': 'planted',
      },
    });
    expect(forged.statusCode).toBe(403);
  });

  test('with the CSRF token the state change goes through; cross-site it does not', async () => {
    const { cookieHeader, csrfToken } = await signIn(app, 'admin', PASSWORD);
    const headers = { cookie: cookieHeader, 'x-csrf-token': csrfToken };
    const ok = await app.inject({ method: 'POST', url: '/test/staff-action', headers });
    expect(ok.json()).toEqual({ done: true });
    const crossSite = await app.inject({
      method: 'POST',
      url: '/test/staff-action',
      headers: { ...headers, 'sec-fetch-site': 'cross-site' },
    });
    expect(crossSite.statusCode).toBe(403);
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
      url: '/test/ingest',
      headers: { authorization: 'Bearer ingest-token' },
      payload: {},
    });
    expect(ingest.json()).toEqual({ ingested: true });
  });

  test('staff-only routes answer 401 without a session', async () => {
    const response = await app.inject({ method: 'POST', url: '/test/staff-action' });
    expect(response.statusCode).toBe(401);
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
