import type { Role } from '../repositories/users-repository';
import { ForbiddenError, UnauthorizedError } from './auth-errors';

/**
 * What one request may read. `districtIds: 'all'` means every message, including those outside
 * every district; a list means only messages whose district is in it (never unassigned ones).
 */
export interface AccessScope {
  role: Role | 'public';
  districtIds: readonly number[] | 'all';
  /** Anonymous: aggregated, privacy-filtered answers only. */
  isPublic: boolean;
}

export interface ScopeSubject {
  user: { role: Role; districts: readonly { id: number; name: string }[] } | null;
  publicMap: boolean;
}

/** Resolves a request's scope; no session and no public map: 401. */
export function resolveScope(subject: ScopeSubject): AccessScope {
  const { user } = subject;
  if (!user) {
    if (!subject.publicMap) throw new UnauthorizedError('Sign in to see the map.');
    return { role: 'public', districtIds: 'all', isPublic: true };
  }
  if (user.role === 'municipal') {
    return { role: 'municipal', districtIds: user.districts.map((d) => d.id), isPublic: false };
  }
  return { role: user.role, districtIds: 'all', isPublic: false };
}

/** For staff-only reads (single messages with text, exports): anonymous callers get 401. */
export function requireStaff(scope: AccessScope): AccessScope {
  if (scope.isPublic) throw new UnauthorizedError('Sign in to see this.');
  return scope;
}

/**
 * The districts a query must be limited to: the caller's `district` filter (resolved from ids or
 * names to ids by the route) intersected with the scope. No filter: the scope itself. A filter
 * naming any district outside the scope: 403, so an explicit ask for another district's data is
 * refused, never silently answered. `nameOf` only makes the message readable.
 */
export function scopeDistrictFilter(
  scope: AccessScope,
  requested: readonly number[] | undefined,
  nameOf: (id: number) => string | undefined = () => undefined,
): readonly number[] | 'all' {
  if (requested === undefined || requested.length === 0) return scope.districtIds;
  const unique = [...new Set(requested)];
  if (scope.districtIds === 'all') return unique;
  const allowed = new Set(scope.districtIds);
  const foreign = unique.filter((id) => !allowed.has(id));
  if (foreign.length > 0) {
    const names = foreign.map((id) => nameOf(id) ?? `district ${id}`);
    throw new ForbiddenError(`You may only see your own districts; ${names.join(', ')} is outside them.`);
  }
  return unique;
}

/** True when a message in `districtId` (null: outside every district) is visible in the scope. */
export function districtInScope(scope: AccessScope, districtId: number | null): boolean {
  if (scope.districtIds === 'all') return true;
  return districtId !== null && scope.districtIds.includes(districtId);
}
