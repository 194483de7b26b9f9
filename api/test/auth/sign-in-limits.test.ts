import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { type Database, openDatabase } from '../../src/db/database';
import { testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase, testServerUrl } from '../test-database';
import { addUser, signIn } from './auth-helpers';

const PASSWORD = 'correct horse battery';

interface Attempt {
  login: string;
  password: string;
  address: string;
}

/**
 * Sends every attempt at once and counts the answers. A 401 or a 200 is an evaluated attempt (the
 * password was checked), a 429 one refused before any check.
 */
async function burst(apps: FastifyInstance[], attempts: Attempt[]) {
  const responses = await Promise.all(
    attempts.map((a, i) =>
      (apps[i % apps.length] as FastifyInstance).inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: a.login, password: a.password },
        remoteAddress: a.address,
      }),
    ),
  );
  const count = (status: number) => responses.filter((r) => r.statusCode === status).length;
  return {
    wrong: count(401),
    refused: count(429),
    signedIn: count(200),
    other: responses.length - count(401) - count(429) - count(200),
  };
}

const wrongGuesses = (login: string, n: number, address: (i: number) => string): Attempt[] =>
  Array.from({ length: n }, (_, i) => ({ login, password: `wrong guess ${i}`, address: address(i) }));

/**
 * Sign-in limits on the real app. Each test uses its own account and addresses, so no test sees
 * another's attempts.
 */
describe.each(BACKENDS)('sign-in limits on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let users = 0;

  const newOwner = async () => {
    const login = `owner${users++}`;
    await addUser(db.sql, login, 'regional', PASSWORD);
    return login;
  };

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    app = await buildApp({ db, config: testConfig() });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('200 parallel wrong passwords from one address are evaluated 5 times; the right one is then refused', async () => {
    const owner = await newOwner();
    const result = await burst(
      [app],
      wrongGuesses(owner, 200, () => '10.1.0.1'),
    );
    expect(result).toEqual({ wrong: 5, refused: 195, signedIn: 0, other: 0 });
    const right = await signIn(app, owner, PASSWORD, { remoteAddress: '10.1.0.1' });
    expect(right.response.statusCode).toBe(429);
    expect(right.response.cookies).toEqual([]);
  });

  test('the limit holds across two API processes on one database', async () => {
    const owner = await newOwner();
    // A second app with its own connection pool, as a second process would have.
    let second: Database | undefined;
    if (backend === 'server') {
      const url = new URL(testServerUrl);
      url.pathname = `/${db.sql.options.database}`;
      second = await openDatabase({ url: url.toString(), max: 4 });
    }
    const other = await buildApp({ db: second ?? db, config: testConfig() });
    try {
      const result = await burst(
        [app, other],
        wrongGuesses(owner, 200, () => '10.2.0.1'),
      );
      expect(result).toEqual({ wrong: 5, refused: 195, signedIn: 0, other: 0 });
    } finally {
      await other.close();
      await second?.close();
    }
  });

  test('200 parallel guesses from one address across accounts are evaluated 20 times', async () => {
    const attempts = Array.from({ length: 200 }, (_, i) => ({
      login: `nobody${i}`,
      password: 'wrong guess',
      address: '10.3.0.1',
    }));
    expect(await burst([app], attempts)).toEqual({ wrong: 20, refused: 180, signedIn: 0, other: 0 });
    const elsewhere = await signIn(app, 'nobody0', 'wrong guess', { remoteAddress: '10.3.0.2' });
    expect(elsewhere.response.statusCode).toBe(401);
  });

  test("a stranger's failures do not lock the owner out from another address", async () => {
    const owner = await newOwner();
    for (let i = 0; i < 5; i++) {
      const guess = await signIn(app, owner, `wrong ${i}`, { remoteAddress: '10.4.0.1' });
      expect(guess.response.statusCode).toBe(401);
    }
    const stranger = await signIn(app, owner, PASSWORD, { remoteAddress: '10.4.0.1' });
    expect(stranger.response.statusCode).toBe(429);
    const ownerElsewhere = await signIn(app, owner, PASSWORD, { remoteAddress: '10.4.0.2' });
    expect(ownerElsewhere.response.statusCode).toBe(200);
  });

  test('the per-account budget stops a guess spread over many addresses', async () => {
    const owner = await newOwner();
    const result = await burst(
      [app],
      wrongGuesses(owner, 200, (i) => `10.5.${i >> 8}.${i & 255}`),
    );
    expect(result).toEqual({ wrong: 50, refused: 150, signedIn: 0, other: 0 });
    const fresh = await signIn(app, owner, PASSWORD, { remoteAddress: '10.5.9.9' });
    expect(fresh.response.statusCode).toBe(429);
  });

  test('an IPv6 client is one address across its /64', async () => {
    const owner = await newOwner();
    const result = await burst(
      [app],
      wrongGuesses(owner, 8, (i) => `2001:db8:5:6::${i + 1}`),
    );
    expect(result).toEqual({ wrong: 5, refused: 3, signedIn: 0, other: 0 });
    const nextNetwork = await signIn(app, owner, PASSWORD, { remoteAddress: '2001:db8:5:7::1' });
    expect(nextNetwork.response.statusCode).toBe(200);
  });

  test('a refusal says how long to wait, and unknown logins are limited like known ones (no enumeration)', async () => {
    for (let i = 0; i < 5; i++) {
      const guess = await signIn(app, 'ghost', `wrong ${i}`, { remoteAddress: '10.6.0.1' });
      expect(guess.response.statusCode).toBe(401);
    }
    const refused = (await signIn(app, 'ghost', 'wrong', { remoteAddress: '10.6.0.1' })).response;
    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(refused.json()).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many failed sign-in attempts. Try again in 15 minutes.',
    });
  });

  test('a success forgives its own address, not the guesses at the account from elsewhere', async () => {
    const owner = await newOwner();
    for (let i = 0; i < 4; i++) await signIn(app, owner, `typo ${i}`, { remoteAddress: '10.7.0.1' });
    expect((await signIn(app, owner, PASSWORD, { remoteAddress: '10.7.0.1' })).response.statusCode).toBe(200);
    const again = await burst(
      [app],
      wrongGuesses(owner, 10, () => '10.7.0.1'),
    );
    expect(again).toEqual({ wrong: 5, refused: 5, signedIn: 0, other: 0 });
    await burst(
      [app],
      wrongGuesses(owner, 45, (i) => `10.7.1.${i}`),
    );
    // 50 failures at the account in the hour: the budget is spent for every untrusted browser.
    expect((await signIn(app, owner, PASSWORD, { remoteAddress: '10.7.0.2' })).response.statusCode).toBe(429);
  });

  test("the owner's browser still signs in when strangers have spent the account's budget", async () => {
    const owner = await newOwner();
    const first = await signIn(app, owner, PASSWORD, { remoteAddress: '10.8.0.1' });
    const device = first.response.cookies.find((c) => c.name === 'heatmap_device');
    expect(device).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/auth/login' });
    await burst(
      [app],
      wrongGuesses(owner, 60, (i) => `10.8.1.${i}`),
    );
    const fromBrowser = (address: string, password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { login: owner, password },
        remoteAddress: address,
        cookies: { heatmap_device: device?.value as string },
      });
    // From a new address (a train's Wi-Fi): the browser, not the address, is what is trusted.
    const owners = await fromBrowser('10.8.2.1', PASSWORD);
    expect(owners.statusCode).toBe(200);
    expect(owners.cookies.find((c) => c.name === 'heatmap_device')).toBeUndefined();
    // The cookie trusts the browser for its own account only, and for 5 failures in 15 minutes.
    const other = await newOwner();
    const othersDevice = (await signIn(app, other, PASSWORD)).response.cookies.find(
      (c) => c.name === 'heatmap_device',
    );
    const wrongCookie = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: owner, password: PASSWORD },
      remoteAddress: '10.8.2.1',
      cookies: { heatmap_device: othersDevice?.value as string },
    });
    expect(wrongCookie.statusCode).toBe(429);
    const typos = await Promise.all(Array.from({ length: 8 }, () => fromBrowser('10.8.2.1', 'typo')));
    expect(typos.filter((r) => r.statusCode === 401)).toHaveLength(5);
    expect((await signIn(app, owner, PASSWORD, { remoteAddress: '10.8.3.1' })).response.statusCode).toBe(429);
  });

  test('attempts leave the window after 15 minutes, and older ones are deleted', async () => {
    const owner = await newOwner();
    await burst(
      [app],
      wrongGuesses(owner, 6, () => '10.9.0.1'),
    );
    expect((await signIn(app, owner, PASSWORD, { remoteAddress: '10.9.0.1' })).response.statusCode).toBe(429);
    await db.sql`UPDATE sign_in_attempts SET attempted_at = attempted_at - interval '15 minutes' WHERE account = ${owner}`;
    const later = await signIn(app, owner, 'still wrong', { remoteAddress: '10.9.0.1' });
    expect(later.response.statusCode).toBe(401);
    await db.sql`UPDATE sign_in_attempts SET attempted_at = attempted_at - interval '1 hour' WHERE account = ${owner}`;
    await signIn(app, 'someone', 'wrong', { remoteAddress: '10.9.0.2' });
    const [left] = await db.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM sign_in_attempts WHERE attempted_at < now() - interval '1 hour'`;
    expect(left?.n).toBe(0);
  });
});
