import type { FastifyInstance, InjectOptions } from 'fastify';
import { type AppOptions, buildApp } from '../../src/app';
import type { Config } from '../../src/config/config';
import type { Database } from '../../src/db/database';
import { addUser, signIn } from '../auth/auth-helpers';

export const INGEST_TOKEN = 'test-ingest-token';

export function testConfig(): Config {
  return {
    databaseUrl: undefined,
    dataDir: '',
    port: 0,
    host: '127.0.0.1',
    timezone: 'Europe/Budapest',
    ingestToken: INGEST_TOKEN,
    ingestSource: 'api',
    production: false,
    auth: { publicMap: true, sessionTtlHours: 12, cookieSecure: false },
    publicText: false,
    basemap: { file: undefined, lang: 'hu', styleUrl: undefined },
  };
}

let staffUsers = 0;
const STAFF_PASSWORD = 'staff test password';

/**
 * The app on a test database, ready for inject, as a signed-in regional user sees it: anonymous callers
 * read only /api/v1/public/*, so every inject carries the staff session (cookie and CSRF token) unless the
 * request sets its own cookie header. `{ signedIn: false }` for an app without a session (a database that
 * cannot be reached has no users).
 */
export async function buildTestApp(
  db: Database,
  options: Partial<Omit<AppOptions, 'db'>> & { signedIn?: boolean } = {},
): Promise<FastifyInstance> {
  const { signedIn = true, ...appOptions } = options;
  const app = await buildApp({ db, config: testConfig(), ...appOptions });
  if (!signedIn) return app;
  const login = `staff-${process.pid}-${staffUsers++}`;
  await addUser(db.sql, login, 'regional', STAFF_PASSWORD);
  const session = await signIn(app, login, STAFF_PASSWORD);
  if (session.response.statusCode !== 200) throw new Error(`test sign-in failed: ${session.response.body}`);
  const inject = app.inject.bind(app);
  const signedInInject = (request: InjectOptions) =>
    inject({
      ...request,
      headers: { cookie: session.cookieHeader, 'x-csrf-token': session.csrfToken, ...request.headers },
    });
  app.inject = signedInInject as typeof app.inject;
  return app;
}
