import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { hashPassword } from '../../src/auth/password-hash';
import type { Sql } from '../../src/db/database';
import type { MessageInput } from '../../src/ingest/message-input';
import { replaceDistricts } from '../../src/repositories/districts-repository';
import { upsertMessages } from '../../src/repositories/messages-repository';
import { createUser, type Role } from '../../src/repositories/users-repository';

export interface SeededDistricts {
  buda: number;
  pest: number;
  /** Ids of the three seeded messages: one in each district, one outside both. */
  messages: { buda: number; pest: number; outside: number };
}

/**
 * Two square districts side by side (Buda west of Pest) and one real message in each plus one outside
 * both, written as ingestion writes them (the district is assigned by containment).
 */
export async function seedDistricts(sql: Sql): Promise<SeededDistricts> {
  await replaceDistricts(sql, [
    { name: 'Buda', geometry: square(19.0, 47.5) },
    { name: 'Pest', geometry: square(19.1, 47.5) },
  ]);
  const points = { buda: [19.05, 47.55], pest: [19.15, 47.55], outside: [19.35, 47.55] } as const;
  await sql.begin(async (tx) => {
    const inputs = Object.entries(points).map(([place, [lon, lat]]) => seedMessage(place, lon, lat));
    await upsertMessages(tx as unknown as Sql, inputs, 'Europe/Budapest');
  });
  const rows = await sql<{ id: bigint; external_id: string }[]>`
    SELECT id, external_id FROM messages WHERE external_id = ANY(${Object.keys(points)})`;
  const id = (place: string) => Number(rows.find((r) => r.external_id === place)?.id);
  return {
    ...(await districtIds(sql)),
    messages: { buda: id('buda'), pest: id('pest'), outside: id('outside') },
  };
}

function seedMessage(place: string, lon: number, lat: number): MessageInput {
  return {
    source: 'auth-test',
    externalId: place,
    category: 'Roads',
    title: `Pothole in ${place}`,
    text: `A pothole reported in ${place}`,
    author: null,
    authorUrl: null,
    address: null,
    executor: null,
    url: null,
    status: 'new',
    statusRaw: null,
    createdAt: new Date('2024-05-01T08:00:00Z'),
    answeredAt: null,
    resolvedAt: null,
    lat,
    lon,
  };
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
