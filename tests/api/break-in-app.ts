import { buildApp } from '@heatmap/api';
import {
  addUser,
  type Backend,
  createTestDatabase,
  INGEST_TOKEN,
  type SignedIn,
  signIn,
  type TestDatabase,
  testConfig,
} from '@heatmap/api/test-support';
import type { KnownValues } from './openapi-endpoints';

export const PASSWORD = 'correct horse battery staple';
/** The municipal clerk's districts; 'VII. kerület' borders 'VIII. kerület' and belongs to someone else. */
export const OWN_DISTRICTS = ['VIII. kerület', 'IX. kerület'] as const;
export const FOREIGN_DISTRICT = 'VII. kerület';

/** An ingest record inside the own districts, with a fresh id; `extra` overrides any field. */
export const record = (extra: Record<string, unknown> = {}) => ({
  id: `break-in-${Math.random()}`,
  createdAt: '2025-01-02T10:00:00Z',
  category: 'Kátyú',
  lat: 47.49,
  lon: 19.07,
  ...extra,
});
/** The shared ingest token, as an ingest client sends it. */
export const bearer = { authorization: `Bearer ${INGEST_TOKEN}` };

/** The app as buildApp returns it. */
export type App = Awaited<ReturnType<typeof buildApp>>;

/** A request to inject (the subset of light-my-request's options the suite uses). */
export interface Request {
  method?: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers?: Record<string, string>;
  payload?: string | object;
  remoteAddress?: string;
}

/** What the suite reads of an injected response. */
export interface Answer {
  statusCode: number;
  body: string;
  headers: Record<string, unknown>;
  json(): unknown;
}

export interface District {
  id: number;
  name: string;
}

/** The real app on the seeded Járókelő data, with an admin and a municipal clerk signed in. */
export interface BreakInApp {
  db: TestDatabase;
  app: App;
  admin: SignedIn;
  clerk: SignedIn;
  own: District[];
  foreign: District;
  /** Valid values for the parameters the OpenAPI document declares, by name. */
  known: KnownValues;
  close(): Promise<void>;
}

/** The real app (as server.ts builds it) on the seeded data, with an admin and a clerk signed in. */
export async function startBreakInApp(backend: Backend): Promise<BreakInApp> {
  const db = await createTestDatabase(backend, 'seeded');
  const sql = db.sql;
  const districts = await sql<District[]>`SELECT id, name FROM districts ORDER BY id`;
  const byName = (name: string) => {
    const found = districts.find((d) => d.name === name);
    if (!found) throw new Error(`the seeded data has no district ${name}`);
    return found;
  };
  await addUser(sql, 'clerk', 'municipal', PASSWORD, [...OWN_DISTRICTS]);
  await addUser(sql, 'boss', 'admin', PASSWORD);
  const app = await buildApp({ db, config: testConfig() });
  // Different addresses: the attacks on sign-in must not lock out the suite's own sign-ins.
  const admin = await signIn(app, 'boss', PASSWORD, { remoteAddress: '10.0.0.1' });
  const clerk = await signIn(app, 'clerk', PASSWORD, { remoteAddress: '10.0.0.2' });
  if (admin.response.statusCode !== 200 || clerk.response.statusCode !== 200) {
    throw new Error(`sign-in failed: ${admin.response.body} ${clerk.response.body}`);
  }
  const [cell] = await sql<{ h3: string }[]>`
    SELECT to_hex(h3_8) AS h3 FROM messages GROUP BY h3_8 ORDER BY count(*) DESC LIMIT 1`;
  const [message] = await sql<{ id: string }[]>`SELECT min(id)::text AS id FROM messages`;
  return {
    db,
    app,
    admin,
    clerk,
    own: OWN_DISTRICTS.map(byName),
    foreign: byName(FOREIGN_DISTRICT),
    // q: the place search's required text, a street of the data.
    known: { h3: cell?.h3 ?? '', id: message?.id ?? '', res: '8', bucket: 'month', q: 'Váci' },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

/** A request as a signed-in browser sends it: the session cookies, and for writes the CSRF header. */
export function asUser(user: SignedIn | undefined, options: Request): Request {
  if (!user) return options;
  const headers: Record<string, string> = { ...options.headers };
  headers.cookie = user.cookieHeader;
  if (options.method && options.method !== 'GET' && options.method !== 'HEAD') {
    headers['x-csrf-token'] ??= user.csrfToken;
  }
  return { ...options, headers };
}

/** What an attack must leave untouched: row counts and the data version every write bumps. */
export interface DataState {
  messages: number;
  districts: number;
  users: number;
  categories: number;
  sources: number;
  dataVersion: string;
}

export async function dataState(db: TestDatabase): Promise<DataState> {
  const [row] = await db.sql<DataState[]>`
    SELECT (SELECT count(*)::int FROM messages) AS messages,
           (SELECT count(*)::int FROM districts) AS districts,
           (SELECT count(*)::int FROM users) AS users,
           (SELECT count(*)::int FROM categories) AS categories,
           (SELECT count(*)::int FROM sources) AS sources,
           (SELECT value FROM app_settings WHERE key = 'data_version') AS "dataVersion"`;
  if (!row) throw new Error('no state row');
  return row;
}

/** The response body parsed, or undefined when it is not JSON. */
export function jsonOf(response: Answer): unknown {
  try {
    return JSON.parse(response.body);
  } catch {
    return undefined;
  }
}
