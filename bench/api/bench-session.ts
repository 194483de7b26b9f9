import { randomBytes } from 'node:crypto';
import {
  buildApp,
  type Config,
  createUser,
  type Database,
  deleteUser,
  hashPassword,
  loadConfig,
} from '@heatmap/api';
import type { FastifyInstance } from 'fastify';
import { BENCH_TIMEZONE } from './bench-dataset';

const LOGIN = 'bench-regional';

/**
 * Signs in to the listening app as a regional user, as the map's staff do: anonymous callers may
 * read only /api/v1/public/*. The user is made afresh with a random password on every run (the
 * bench database is kept between runs). Returns the Cookie header to send with every request.
 */
export async function signInAsRegional(app: FastifyInstance, base: string): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  await deleteUser(app.db.sql, LOGIN);
  await createUser(app.db.sql, {
    login: LOGIN,
    role: 'regional',
    passwordHash: await hashPassword(password),
    districtNames: [],
  });
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: LOGIN, password }),
  });
  if (!response.ok) throw new Error(`bench sign-in failed: ${response.status} ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ');
}

/** The configuration the API benches run with: the region's zone of the bench data. */
export function benchConfig(): Config {
  return { ...loadConfig({ ...process.env, HEATMAP_TIMEZONE: BENCH_TIMEZONE }), databaseUrl: 'bench' };
}

/**
 * The app over a bench database, listening on a free loopback port, with a regional session: the staff
 * routes are measured as staff read them, signed in. Close `app`; the database is the caller's.
 */
export async function startBenchApp(
  db: Database,
  options: { cacheVersionTtlMs?: number } = {},
): Promise<{ app: FastifyInstance; base: string; cookie: string }> {
  const app = await buildApp({ db, config: benchConfig(), ...options });
  try {
    const base = await app.listen({ host: '127.0.0.1', port: 0 });
    return { app, base, cookie: await signInAsRegional(app, base) };
  } catch (error) {
    await app.close();
    throw error;
  }
}
