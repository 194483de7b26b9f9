import type { FastifyRequest } from 'fastify';
import { type AccessScope, resolveScope } from './access-scope';
import { ForbiddenError, UnauthorizedError } from './auth-errors';

/** Reads of data live under here; sign-in routes are not data. */
const DATA_PREFIX = '/api/v1/';
const AUTH_PREFIX = '/api/v1/auth/';

/**
 * The one place a read's scope is enforced, before any route runs (routes cannot forget it):
 * - anonymous with the public map off: 401; anonymous on a route not declared `access: 'public'` (those
 *   apply the privacy rules): 401, so a new route is staff-only until it says otherwise (fails closed);
 * - a municipal caller: `request.filterScope` limits every query to their districts; naming another
 *   district (by id or name) in `district` is 403 (district names are no secret). Everything else, wider
 *   filters and asks by one object (a cell, a message id) alike, is answered within the scope: a foreign
 *   cell is an empty page and a foreign message the 404 of one that does not exist, whether or not it has
 *   messages. A 403 decided by reading the foreign messages would tell where they exist (issue 9, item 13).
 * Only reads (GET/HEAD) are scoped here; writes authenticate themselves (ingest: Bearer token). A read key
 * (`Authorization: Bearer`, `heatmap apikey add --scope read`) reads as the account it stands for.
 */
export function enforceReadScope(request: FastifyRequest, options: { publicMap: boolean }): void {
  if (!isScopedRead(request)) return;
  const scope = resolveScope({ user: reader(request), publicMap: options.publicMap });
  if (scope.isPublic && request.routeOptions.config.access !== 'public') {
    throw new UnauthorizedError('Sign in to see this.');
  }
  request.accessScope = scope;
  if (scope.districtIds === 'all') return;
  request.filterScope = { districtIds: [...scope.districtIds] };
  checkDistrictParameter(request, scope);
}

/** A read of data (GET/HEAD under /api/v1/, sign-in routes aside): the reads scoped here. */
export function isScopedRead(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  // The matched route, not request.url: an absolute-form target (GET http://host/api/v1/…) reaches
  // the same route with a url that does not start with the path.
  const route = request.routeOptions.url ?? '';
  return route.startsWith(DATA_PREFIX) && !route.startsWith(AUTH_PREFIX);
}

/** Who reads: the signed-in user, else the holder of a read key (as a regional or municipal account). */
function reader(request: FastifyRequest) {
  return request.sessionUser ?? request.keyReader;
}

function checkDistrictParameter(request: FastifyRequest, scope: AccessScope): void {
  const raw = (request.query as { district?: unknown } | undefined)?.district;
  if (typeof raw !== 'string' && !Array.isArray(raw)) return;
  const own = reader(request)?.districts ?? [];
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
