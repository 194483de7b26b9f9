import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { scopeDistrictFilter } from '../../src/auth/access-scope';
import type { AuthConfig } from '../../src/auth/auth-config';
import { authenticate, requestScope, requireSignedIn } from '../../src/auth/auth-plugin';
import { hashPassword } from '../../src/auth/password-hash';
import type { Sql } from '../../src/db/database';
import { replaceDistricts } from '../../src/repositories/districts-repository';
import { createUser, type Role } from '../../src/repositories/users-repository';
import { authRoutes } from '../../src/routes/api/v1/auth/index';

export const testAuthConfig: AuthConfig = { publicMap: true, sessionTtlHours: 12, cookieSecure: true };

/**
 * The auth plugin and routes as the app registers them, plus three stand-in routes shaped like
 * the API's: a scoped read (district filter by id), a read by message id, and a state change
 * (POST, as the ingest endpoint: Bearer token, no cookie).
 */
export async function buildAuthApp(
  sql: Sql,
  options: { config?: Partial<AuthConfig> } = {},
): Promise<FastifyInstance> {
  const app = Fastify();
  await app.register(authenticate, {
    sql,
    config: { ...testAuthConfig, ...options.config },
  });
  await app.register(authRoutes, { prefix: '/api/v1/auth' });

  app.get(
    '/test/messages',
    { schema: { querystring: Type.Object({ district: Type.Optional(Type.String()) }) } },
    async (request) => {
      const scope = requestScope(request);
      const { district } = request.query as { district?: string };
      const requested = district?.split(',').map(Number);
      const districts = scopeDistrictFilter(scope, requested);
      const rows =
        districts === 'all'
          ? await sql<
              { id: number; district_id: number | null }[]
            >`SELECT id, district_id FROM test_messages ORDER BY id`
          : await sql<{ id: number; district_id: number | null }[]>`
              SELECT id, district_id FROM test_messages WHERE district_id = ANY(${districts as number[]}) ORDER BY id`;
      return { scope, ids: rows.map((r) => r.id) };
    },
  );
  // As the API's: the scope is part of the query, so a message outside it is not found, like one that
  // does not exist (a 403 would tell that it exists).
  app.get('/test/messages/:id', async (request, reply) => {
    const scope = requestScope(request);
    const { id } = request.params as { id: string };
    const rows =
      scope.districtIds === 'all'
        ? await sql`SELECT id FROM test_messages WHERE id = ${Number(id)}`
        : await sql`SELECT id FROM test_messages
            WHERE id = ${Number(id)} AND district_id = ANY(${scope.districtIds as number[]})`;
    if (rows.length === 0) return reply.code(404).send({ message: 'no such message' });
    return { id: Number(id) };
  });
  app.post('/test/ingest', async (request, reply) => {
    if (request.headers.authorization !== 'Bearer ingest-token') {
      return reply.code(401).send({ message: 'bearer token needed' });
    }
    return { ingested: true };
  });
  app.post('/test/staff-action', { onRequest: requireSignedIn }, async () => ({ done: true }));
  await app.ready();
  return app;
}

/** Two square districts side by side, a test_messages table with one message in each and one outside. */
export async function seedDistricts(sql: Sql): Promise<{ pest: number; buda: number }> {
  await replaceDistricts(sql, [
    { name: 'Buda', geometry: square(19.0, 47.5) },
    { name: 'Pest', geometry: square(19.1, 47.5) },
  ]);
  const ids = await districtIds(sql);
  await sql`CREATE TABLE IF NOT EXISTS test_messages (id integer PRIMARY KEY, district_id integer)`;
  await sql`DELETE FROM test_messages`;
  await sql`INSERT INTO test_messages VALUES (1, ${ids.buda}), (2, ${ids.pest}), (3, NULL)`;
  return ids;
}

export async function districtIds(sql: Sql): Promise<{ pest: number; buda: number }> {
  const rows = await sql<{ id: number; name: string }[]>`SELECT id, name FROM districts`;
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  return { buda: byName.get('Buda') as number, pest: byName.get('Pest') as number };
}

function square(west: number, south: number) {
  const d = 0.1;
  return {
    type: 'Polygon' as const,
    coordinates: [
      [
        [west, south],
        [west + d, south],
        [west + d, south + d],
        [west, south + d],
        [west, south],
      ],
    ],
  };
}

export async function addUser(
  sql: Sql,
  login: string,
  role: Role,
  password: string,
  districtNames: string[] = [],
) {
  return createUser(sql, { login, role, passwordHash: await hashPassword(password), districtNames });
}

export interface SignedIn {
  response: LightMyRequestResponse;
  cookies: Record<string, string>;
  /** The Cookie header a browser would send back. */
  cookieHeader: string;
  csrfToken: string;
}

export async function signIn(
  app: FastifyInstance,
  login: string,
  password: string,
  extra: { remoteAddress?: string } = {},
): Promise<SignedIn> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { login, password },
    ...extra,
  });
  const cookies = Object.fromEntries(response.cookies.map((c) => [c.name, c.value]));
  const cookieHeader = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return { response, cookies, cookieHeader, csrfToken: cookies.heatmap_csrf ?? '' };
}
