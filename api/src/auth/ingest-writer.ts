import { createHash, timingSafeEqual } from 'node:crypto';
import type { Sql } from '../db/database';
import { bearerSecret, grantOfKey } from './api-key-access';

/** The shared ingest token (HEATMAP_INGEST_TOKEN) and the one source it may write. */
export interface LegacyIngestToken {
  token: string | undefined;
  source: string;
}

/** The source a writer may write, or why it may not (401: no valid secret; 403: a key that only reads). */
export type IngestWriter = { source: string } | { status: 401 | 403; reason: string };

/**
 * The source the holder of `secret` may write (POST /api/v1/messages, Open311 POST): a live key with
 * write scope writes its own source, the shared token the source it is bound to. Nothing else may write,
 * whatever a record says about its source.
 */
export async function ingestWriter(
  sql: Sql,
  secret: string | undefined,
  legacy: LegacyIngestToken,
): Promise<IngestWriter> {
  if (secret === undefined || secret === '') return { status: 401, reason: 'No API key was sent.' };
  if (legacy.token && sameSecret(secret, legacy.token)) return { source: legacy.source };
  const grant = await grantOfKey(sql, secret);
  if (!grant) return { status: 401, reason: 'Unknown or revoked API key.' };
  if (!grant.canWrite)
    return { status: 403, reason: `The key "${grant.name}" may only read; it writes nothing.` };
  return { source: grant.source };
}

/** The writer behind an `Authorization: Bearer` header. */
export function ingestWriterOfHeader(
  sql: Sql,
  authorization: string | undefined,
  legacy: LegacyIngestToken,
): Promise<IngestWriter> {
  return ingestWriter(sql, bearerSecret(authorization), legacy);
}

function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
