import { hashApiKey, newApiKey } from '../auth/api-key';
import type { Sql } from '../db/database';

/** write: POST messages into the key's source; read: read within the key's districts (or all); both. */
export const API_KEY_SCOPES = ['write', 'read', 'both'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export interface ApiKey {
  id: number;
  name: string;
  source: string;
  scope: ApiKeyScope;
  /** Granted by name (resolved on every request); empty: every district, as a regional account. */
  districtNames: string[];
  label: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

/** What a live key presented on a request may do, with its districts as they resolve now. */
export interface ApiKeyGrant {
  id: number;
  name: string;
  source: string;
  canWrite: boolean;
  canRead: boolean;
  /** null: every district (regional); a list (possibly empty, failing closed): those only (municipal). */
  districts: { id: number; name: string }[] | null;
}

export class ApiKeyExistsError extends Error {
  override name = 'ApiKeyExistsError';
}

interface ApiKeyRow {
  id: number;
  name: string;
  source: string;
  scope: ApiKeyScope;
  district_names: string[];
  label: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  source: row.source,
  scope: row.scope,
  districtNames: row.district_names,
  label: row.label,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

const selectKeys = (sql: Sql) => sql`
  SELECT k.id, k.name, k.source, k.scope, k.label, k.created_at, k.revoked_at,
         coalesce(array(SELECT kd.district_name FROM api_key_districts kd
                        WHERE kd.api_key_id = k.id ORDER BY kd.district_name), '{}') AS district_names
  FROM api_keys k`;

/** Stores a new key; the plaintext is returned once, here, and never again. */
export async function createApiKey(
  sql: Sql,
  options: { name: string; source: string; scope: ApiKeyScope; districtNames: string[]; label?: string },
): Promise<{ key: string; apiKey: ApiKey }> {
  const key = newApiKey();
  const id = await sql.begin(async (tx) => {
    const [row] = await tx<{ id: number }[]>`
      INSERT INTO api_keys (key_hash, name, source, scope, label)
      VALUES (${hashApiKey(key)}, ${options.name}, ${options.source}, ${options.scope}, ${options.label ?? null})
      ON CONFLICT (name) WHERE revoked_at IS NULL DO NOTHING
      RETURNING id`;
    if (!row) throw new ApiKeyExistsError(`a live key named "${options.name}" exists already`);
    await tx`
      INSERT INTO api_key_districts (api_key_id, district_name)
      SELECT ${row.id}, name FROM unnest(${[...new Set(options.districtNames)]}::text[]) AS t (name)`;
    return row.id;
  });
  const [row] = await sql<ApiKeyRow[]>`${selectKeys(sql)} WHERE k.id = ${id}`;
  if (!row) throw new Error('a key just created is missing');
  return { key, apiKey: toApiKey(row) };
}

/** The grant of a live (not revoked) key, or null. */
export async function findApiKeyGrant(sql: Sql, key: string): Promise<ApiKeyGrant | null> {
  const [row] = await sql<
    {
      id: number;
      name: string;
      source: string;
      scope: ApiKeyScope;
      granted: number;
      districts: ApiKeyGrant['districts'];
    }[]
  >`
    SELECT k.id, k.name, k.source, k.scope,
           (SELECT count(*)::int FROM api_key_districts kd WHERE kd.api_key_id = k.id) AS granted,
           coalesce((SELECT json_agg(json_build_object('id', d.id, 'name', d.name) ORDER BY d.name)
                     FROM api_key_districts kd JOIN districts d ON d.name = kd.district_name
                     WHERE kd.api_key_id = k.id), '[]'::json) AS districts
    FROM api_keys k
    WHERE k.key_hash = ${hashApiKey(key)} AND k.revoked_at IS NULL`;
  if (!row) return null;
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    canWrite: row.scope !== 'read',
    canRead: row.scope !== 'write',
    districts: row.granted === 0 ? null : row.districts,
  };
}

export async function listApiKeys(sql: Sql): Promise<ApiKey[]> {
  const rows = await sql<ApiKeyRow[]>`${selectKeys(sql)} ORDER BY k.id`;
  return rows.map(toApiKey);
}

/** Revokes a live key by id or name; false when there is no such live key. */
export async function revokeApiKey(sql: Sql, which: { id: number } | { name: string }): Promise<boolean> {
  const rows =
    'id' in which
      ? await sql`UPDATE api_keys SET revoked_at = now() WHERE id = ${which.id} AND revoked_at IS NULL RETURNING id`
      : await sql`UPDATE api_keys SET revoked_at = now() WHERE name = ${which.name} AND revoked_at IS NULL RETURNING id`;
  return rows.length > 0;
}
