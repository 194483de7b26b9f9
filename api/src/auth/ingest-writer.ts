import { createHash, timingSafeEqual } from 'node:crypto';
import type { Sql } from '../db/database';
import { sourceOfApiKey } from '../repositories/api-keys-repository';
import { looksLikeApiKey } from './api-key';

/** The shared ingest token (HEATMAP_INGEST_TOKEN) and the one source it may write. */
export interface LegacyIngestToken {
  token: string | undefined;
  source: string;
}

/**
 * The source the bearer of an `Authorization` header may write through POST /api/v1/messages, or
 * null: a live API key writes its own source, the shared token the source it is bound to. Nothing
 * else may write, whatever a record says about its source.
 */
export async function ingestWriterSource(
  sql: Sql,
  authorization: string | undefined,
  legacy: LegacyIngestToken,
): Promise<string | null> {
  if (!authorization?.startsWith('Bearer ')) return null;
  const presented = authorization.slice(7).trim();
  if (legacy.token && sameSecret(presented, legacy.token)) return legacy.source;
  if (looksLikeApiKey(presented)) return sourceOfApiKey(sql, presented);
  return null;
}

function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}
