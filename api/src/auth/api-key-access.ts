import type { Sql } from '../db/database';
import { type ApiKeyGrant, findApiKeyGrant } from '../repositories/api-keys-repository';
import type { ScopeSubject } from './access-scope';
import { looksLikeApiKey } from './api-key';
import { ForbiddenError, UnauthorizedError } from './auth-errors';

/** Who a read key reads as: a regional account, or a municipal account of the key's districts. */
export type KeyReader = NonNullable<ScopeSubject['user']>;

/** The secret of `Authorization: Bearer <secret>`, or undefined. */
export function bearerSecret(authorization: string | undefined): string | undefined {
  if (!authorization?.startsWith('Bearer ')) return undefined;
  return authorization.slice(7).trim();
}

/** The live key behind a presented secret, or null: only a key-shaped secret costs a query. */
export async function grantOfKey(sql: Sql, presented: string | undefined): Promise<ApiKeyGrant | null> {
  return presented !== undefined && looksLikeApiKey(presented) ? findApiKeyGrant(sql, presented) : null;
}

/** The reader a grant reads as; the key's source limits only its writes. */
export function readerOfGrant(grant: ApiKeyGrant): KeyReader {
  return grant.districts === null
    ? { role: 'regional', districts: [] }
    : { role: 'municipal', districts: grant.districts };
}

/**
 * The reader behind a presented key: 401 for a key that is unknown or revoked, 403 for a write-only key
 * (never a silent fall-back to the public view: the caller meant to read as the key).
 */
export async function keyReader(sql: Sql, presented: string): Promise<KeyReader> {
  const grant = await grantOfKey(sql, presented);
  if (!grant) throw new UnauthorizedError('Unknown or revoked API key.');
  if (!grant.canRead) throw new ForbiddenError(`The key "${grant.name}" may only write; it reads nothing.`);
  return readerOfGrant(grant);
}
