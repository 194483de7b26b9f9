import type { FastifyRequest } from 'fastify';
import { getResolution, isValidCell } from 'h3-js';
import type { Sql } from '../db/database';
import { type AccessScope, assertReachable, resolveScope } from './access-scope';
import { ForbiddenError, UnauthorizedError } from './auth-errors';

/**
 * `public-routes`: anonymous callers may read only routes that declare `config: { access: 'public' }`
 * (and apply the privacy rules); every other read is staff-only (401). `any-route`: anonymous
 * callers reach every read route with a public scope (only while no public routes exist yet).
 */
export type AnonymousReads = 'public-routes' | 'any-route';

/** Reads of data live under here; sign-in routes are not data. */
const DATA_PREFIX = '/api/v1/';
const AUTH_PREFIX = '/api/v1/auth/';
const MESSAGE_ROUTE = '/api/v1/messages/:id';
const MESSAGE_ID = /^[1-9][0-9]{0,17}$/;
const CELL_FORMAT = /^[0-9a-fA-F]{15,16}$/;

/**
 * The one place a read's scope is enforced, before any route runs (routes cannot forget it):
 * - anonymous with the public map off: 401; anonymous on a route not declared public: 401;
 * - a municipal caller: `request.filterScope` limits every query to their districts; naming another
 *   district (by id or name) in `district` is 403; a cell or message whose messages all lie outside
 *   their districts is 403. Wider filters (a bbox, no filter) are answered within the scope.
 * Only reads (GET/HEAD) are scoped here; writes authenticate themselves (ingest: Bearer token).
 */
export async function enforceReadScope(
  request: FastifyRequest,
  sql: Sql,
  options: { publicMap: boolean; anonymousReads: AnonymousReads },
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return;
  // The matched route, not request.url: an absolute-form target (GET http://host/api/v1/…) reaches
  // the same route with a url that does not start with the path.
  const route = request.routeOptions.url ?? '';
  if (!route.startsWith(DATA_PREFIX) || route.startsWith(AUTH_PREFIX)) return;
  const scope = resolveScope({ user: request.sessionUser, publicMap: options.publicMap });
  if (
    scope.isPublic &&
    options.anonymousReads === 'public-routes' &&
    request.routeOptions.config.access !== 'public'
  ) {
    throw new UnauthorizedError('Sign in to see this.');
  }
  request.accessScope = scope;
  if (scope.districtIds === 'all') return;
  request.filterScope = { districtIds: [...scope.districtIds] };
  checkDistrictParameter(request, scope);
  await checkObjectReachable(request, sql, scope);
}

function checkDistrictParameter(request: FastifyRequest, scope: AccessScope): void {
  const raw = (request.query as { district?: unknown } | undefined)?.district;
  if (typeof raw !== 'string' && !Array.isArray(raw)) return;
  const own = request.sessionUser?.districts ?? [];
  const ownIds = new Set(scope.districtIds === 'all' ? [] : scope.districtIds);
  const ownNames = new Set(own.map((d) => d.name));
  const tokens = [raw]
    .flat()
    .flatMap((value) => String(value).split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  // Same reading as the filter parser: all digits is an id, anything else a name.
  const foreign = tokens.filter((t) => (/^\d{1,9}$/.test(t) ? !ownIds.has(Number(t)) : !ownNames.has(t)));
  if (foreign.length > 0) {
    throw new ForbiddenError(
      `You may only see your own districts (${own.map((d) => d.name).join(', ') || 'none'}); ${foreign.join(', ')} is outside them.`,
    );
  }
}

async function checkObjectReachable(request: FastifyRequest, sql: Sql, scope: AccessScope): Promise<void> {
  const h3 = (request.params as { h3?: unknown } | undefined)?.h3;
  if (typeof h3 === 'string' && CELL_FORMAT.test(h3) && isValidCell(h3.toLowerCase())) {
    const res = getResolution(h3.toLowerCase());
    if (res < 5 || res > 10) return; // the route's validation answers 400
    const rows = await sql<{ district_id: number | null }[]>`
      SELECT DISTINCT district_id FROM messages WHERE ${sql(`h3_${res}`)} = ${BigInt(`0x${h3}`)}`;
    assertReachable(
      scope,
      rows.map((r) => r.district_id),
      `Cell ${h3}`,
    );
    return;
  }
  const id = String((request.params as { id?: unknown } | undefined)?.id ?? '');
  if (request.routeOptions.url === MESSAGE_ROUTE && MESSAGE_ID.test(id)) {
    const rows = await sql<{ district_id: number | null }[]>`
      SELECT district_id FROM messages WHERE id = ${BigInt(id)}`;
    assertReachable(
      scope,
      rows.map((r) => r.district_id),
      `Message ${id}`,
    );
  }
}
