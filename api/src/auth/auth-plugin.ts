import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Sql } from '../db/database';
import { findSessionUser, type SessionUser, touchSession } from '../repositories/sessions-repository';
import type { Role } from '../repositories/users-repository';
import { type AccessScope, resolveScope } from './access-scope';
import { type AuthConfig, SESSION_MAX_AGE_HOURS } from './auth-config';
import { CsrfError, ForbiddenError, UnauthorizedError } from './auth-errors';
import { type AnonymousReads, enforceReadScope } from './scope-enforcement';
import {
  CSRF_HEADER,
  csrfTokenMatches,
  hashSessionToken,
  SESSION_COOKIE,
  TOKEN_FORMAT,
} from './session-token';

export interface AuthPluginOptions {
  sql: Sql;
  config: AuthConfig;
  /** Default `public-routes`: fail closed, anonymous reads only where a route says `access: 'public'`. */
  anonymousReads?: AnonymousReads;
}

export interface AuthState {
  sql: Sql;
  config: AuthConfig;
}

declare module 'fastify' {
  interface FastifyInstance {
    auth: AuthState;
  }
  interface FastifyRequest {
    /** The signed-in user, or null for an anonymous request (set before any route runs). */
    sessionUser: SessionUser | null;
    /** SHA-256 of the presented session token when it named a live session. */
    sessionTokenHash: string | null;
    /** The read scope, set on data reads (GET /api/v1/...) before the route runs; null elsewhere. */
    accessScope: AccessScope | null;
    /** Forced district limits for the query layer (declared by plugins/app/request-scope.ts). */
    filterScope: { districtIds: number[] } | null;
  }
  interface FastifyContextConfig {
    /** false: this route checks cross-site requests itself (sign-in has no session yet). */
    csrf?: boolean;
    /** 'public': anonymous callers may read this route (it applies the public privacy rules). */
    access?: 'public' | 'staff';
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** A session's last-seen time is written at most this often: not one UPDATE per request. */
const TOUCH_INTERVAL_MS = 60_000;

async function authPlugin(app: FastifyInstance, options: AuthPluginOptions) {
  if (!app.hasRequestDecorator('cookies')) await app.register(fastifyCookie);
  app.decorate('auth', { sql: options.sql, config: options.config });
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('accessScope', null);
  // The API's request-scope plugin declares it when registered first; standalone, we do.
  if (!app.hasRequestDecorator('filterScope')) app.decorateRequest('filterScope', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token !== undefined) await signIn(request, token, options);
    enforceReadScope(request, {
      publicMap: options.config.publicMap,
      anonymousReads: options.anonymousReads ?? 'public-routes',
    });
  });

  // A response computed for a signed-in user must never be stored by a shared cache and handed
  // to someone else; Vary: Cookie keeps browsers from mixing signed-in and anonymous answers.
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('vary', appendVary(reply.getHeader('vary'), 'Cookie'));
    // The cookies are parsed by an onRequest hook: a reply sent before it ran (a CORS preflight, answered
    // by an earlier hook) has none. A throw here would make every error reply fail too.
    if (request.cookies?.[SESSION_COOKIE] !== undefined) {
      const cacheControl = String(reply.getHeader('cache-control') ?? '');
      reply.header('cache-control', privateCacheControl(cacheControl));
    }
    return payload;
  });
}

async function signIn(request: FastifyRequest, token: string, options: AuthPluginOptions): Promise<void> {
  if (STATE_CHANGING.has(request.method) && request.routeOptions.config.csrf !== false) {
    checkCsrf(request, token);
  }
  if (!TOKEN_FORMAT.test(token)) return;
  const tokenHash = hashSessionToken(token);
  const user = await findSessionUser(options.sql, tokenHash, SESSION_MAX_AGE_HOURS);
  if (!user) return;
  request.sessionUser = user;
  request.sessionTokenHash = tokenHash;
  if (Date.now() - user.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchSession(options.sql, tokenHash, options.config.sessionTtlHours);
  }
}

/**
 * Every state-changing request that carries the session cookie must echo the CSRF token in
 * X-CSRF-Token; a cross-site one is refused outright (Sec-Fetch-Site, sent by every current
 * browser). Requests without the cookie carry no ambient authority (the ingest endpoint's Bearer
 * token is sent deliberately), so they are not checked here.
 */
function checkCsrf(request: FastifyRequest, sessionToken: string): void {
  if (request.headers['sec-fetch-site'] === 'cross-site') {
    throw new CsrfError('Cross-site requests may not change anything.');
  }
  const header = request.headers[CSRF_HEADER];
  if (!csrfTokenMatches(sessionToken, typeof header === 'string' ? header : undefined)) {
    throw new CsrfError(
      'Missing or wrong CSRF token: send the value of the heatmap_csrf cookie in the X-CSRF-Token header.',
    );
  }
}

/** The response's caching rules, but never storable by a shared cache. */
function privateCacheControl(current: string): string {
  if (current === '') return 'private, no-cache';
  if (/\b(private|no-store)\b/i.test(current)) return current;
  if (/\bpublic\b/i.test(current)) return current.replace(/\bpublic\b/i, 'private');
  return `private, ${current}`;
}

function appendVary(current: unknown, field: string): string {
  const existing = current === undefined ? '' : String(current);
  if (existing.split(',').some((f) => f.trim().toLowerCase() === field.toLowerCase() || f.trim() === '*')) {
    return existing;
  }
  return existing ? `${existing}, ${field}` : field;
}

/** The auth plugin, with its decorators and hooks visible to the whole app (fastify-plugin). */
export const authenticate = fp(authPlugin, { name: 'heatmap-auth', fastify: '5.x' });

/** What this request may read; throws 401 when anonymous and the public map is switched off. */
export function requestScope(request: FastifyRequest): AccessScope {
  return resolveScope({ user: request.sessionUser, publicMap: request.server.auth.config.publicMap });
}

/** onRequest/preHandler hook for staff-only routes: 401 without a session. */
export async function requireSignedIn(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (!request.sessionUser) throw new UnauthorizedError('Sign in to see this.');
}

/** Hook factory for routes limited to some roles (user management: admin). */
export function requireRole(...roles: Role[]) {
  return async (request: FastifyRequest, _reply: FastifyReply): Promise<void> => {
    const user = request.sessionUser;
    if (!user) throw new UnauthorizedError('Sign in to see this.');
    if (!roles.includes(user.role)) throw new ForbiddenError('Your account may not do this.');
  };
}
