import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findSessionUser } from '../repositories/sessions-repository';
import { resolveScope } from './access-scope';
import { SESSION_MAX_AGE_HOURS } from './auth-config';

/**
 * For a long-lived answer (the event stream): whether the session the request came with still
 * stands and still reads exactly `districtIds`. A failed read (database down) keeps it: the
 * stream carries no data, and a restart must not drop every wall.
 */
export async function sessionStillHolds(
  app: FastifyInstance,
  request: FastifyRequest,
  districtIds: readonly number[] | 'all',
): Promise<boolean> {
  const tokenHash = request.sessionTokenHash;
  if (tokenHash === null) return true;
  try {
    const user = await findSessionUser(app.db.sql, tokenHash, SESSION_MAX_AGE_HOURS);
    if (!user) return false;
    const now = resolveScope({ user, publicMap: false }).districtIds;
    if (now === 'all' || districtIds === 'all') return now === districtIds;
    return now.length === districtIds.length && now.every((id, i) => id === districtIds[i]);
  } catch {
    return true;
  }
}
