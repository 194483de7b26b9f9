import type { Role } from '../repositories/users-repository';
import { UnauthorizedError } from './auth-errors';

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
