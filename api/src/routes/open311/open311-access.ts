import type { FastifyInstance, FastifyRequest } from 'fastify';
import { resolveScope } from '../../auth/access-scope';
import { bearerSecret, grantOfKey, type KeyReader, readerOfGrant } from '../../auth/api-key-access';
import { ForbiddenError, UnauthorizedError } from '../../auth/auth-errors';
import { ingestWriter } from '../../auth/ingest-writer';
import type { Sql } from '../../db/database';
import type { FilterScope } from '../../queries/message-filter';

/** Who reads: the public (privacy rules), or a reader held to a scope (none: every district). */
export type Open311Reader = { public: true } | { public: false; scope: FilterScope | undefined };

/** The api_key of a request: the query string's, else `Authorization: Bearer` (never the body: not read yet). */
export function presentedKey(request: FastifyRequest): string | undefined {
  const query = request.query as { api_key?: unknown } | undefined;
  return typeof query?.api_key === 'string' && query.api_key !== ''
    ? query.api_key
    : bearerSecret(request.headers.authorization);
}

/**
 * The reader of a GET: a key with read scope reads as the account it stands for (the same scope rule as
 * every read, auth/access-scope.ts), a signed-in user as themselves, anyone else as the public. A wrong key
 * or a key that only writes is 403 (GeoReport v2's answer to a bad api_key); no key with the public map off too.
 */
export async function open311Reader(app: FastifyInstance, request: FastifyRequest): Promise<Open311Reader> {
  const secret = presentedKey(request);
  let reader: KeyReader | null = request.sessionUser;
  if (secret !== undefined) {
    const grant = await grantOfKey(app.db.sql as Sql, secret);
    if (!grant) throw new ForbiddenError('Unknown or revoked api_key.');
    if (!grant.canRead) throw new ForbiddenError(`The key "${grant.name}" may only write; it reads nothing.`);
    reader = readerOfGrant(grant);
  }
  try {
    const scope = resolveScope({ user: reader, publicMap: app.config.auth.publicMap });
    if (scope.isPublic) return { public: true };
    return {
      public: false,
      scope: scope.districtIds === 'all' ? undefined : { districtIds: [...scope.districtIds] },
    };
  } catch (error) {
    if (error instanceof UnauthorizedError) throw new ForbiddenError('Send an api_key with read scope.');
    throw error;
  }
}

/** The source the holder of `secret` writes; 403 for a missing or wrong key or one that only reads. */
export async function open311Writer(app: FastifyInstance, secret: string | undefined): Promise<string> {
  const writer = await ingestWriter(app.db.sql as Sql, secret, {
    token: app.config.ingestToken,
    source: app.config.ingestSource,
  });
  if ('status' in writer) throw new ForbiddenError(`${writer.reason} Send an api_key that writes.`);
  return writer.source;
}
