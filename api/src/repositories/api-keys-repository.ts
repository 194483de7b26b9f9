import { hashApiKey, newApiKey } from '../auth/api-key';
import type { Sql } from '../db/database';

export interface ApiKey {
  id: number;
  source: string;
  label: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

interface ApiKeyRow {
  id: number;
  source: string;
  label: string | null;
  created_at: Date;
  revoked_at: Date | null;
}

const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  source: row.source,
  label: row.label,
  createdAt: row.created_at,
  revokedAt: row.revoked_at,
});

/** Stores a new key for `source`; the plaintext is returned once, here, and never again. */
export async function createApiKey(
  sql: Sql,
  options: { source: string; label?: string },
): Promise<{ key: string; apiKey: ApiKey }> {
  const key = newApiKey();
  const [row] = await sql<ApiKeyRow[]>`
    INSERT INTO api_keys (key_hash, source, label)
    VALUES (${hashApiKey(key)}, ${options.source}, ${options.label ?? null})
    RETURNING id, source, label, created_at, revoked_at`;
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return { key, apiKey: toApiKey(row) };
}

/** The source a live (not revoked) key may write, or null. */
export async function sourceOfApiKey(sql: Sql, key: string): Promise<string | null> {
  const [row] = await sql<{ source: string }[]>`
    SELECT source FROM api_keys WHERE key_hash = ${hashApiKey(key)} AND revoked_at IS NULL`;
  return row?.source ?? null;
}

export async function listApiKeys(sql: Sql): Promise<ApiKey[]> {
  const rows = await sql<ApiKeyRow[]>`
    SELECT id, source, label, created_at, revoked_at FROM api_keys ORDER BY id`;
  return rows.map(toApiKey);
}

/** Revokes a live key; false when there is no such key or it was revoked already. */
export async function revokeApiKey(sql: Sql, id: number): Promise<boolean> {
  const rows = await sql`
    UPDATE api_keys SET revoked_at = now() WHERE id = ${id} AND revoked_at IS NULL RETURNING id`;
  return rows.length > 0;
}
