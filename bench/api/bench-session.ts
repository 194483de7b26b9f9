import { randomBytes } from 'node:crypto';
import { createUser, deleteUser, hashPassword } from '@heatmap/api';
import type { FastifyInstance } from 'fastify';

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
