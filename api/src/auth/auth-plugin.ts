import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { findSessionUser, type SessionUser, touchSession } from '../repositories/sessions-repository';
import type { AccessScope } from './access-scope';
import { looksLikeApiKey } from './api-key';
import { bearerSecret, type KeyReader, keyReader } from './api-key-access';
import { SESSION_MAX_AGE_HOURS } from './auth-config';
import { CsrfError } from './auth-errors';
import { enforceReadScope, isScopedRead } from './scope-enforcement';
import {
  CSRF_HEADER,
  csrfTokenMatches,
  hashSessionToken,
  SESSION_COOKIE,
  TOKEN_FORMAT,
} from './session-token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null for an anonymous request (set before any route runs). */
    sessionUser: SessionUser | null;
    /** SHA-256 of the presented session token when it named a live session. */
    sessionTokenHash: string | null;
    /** The holder of a read API key on a data read without a session (Authorization: Bearer). */
    keyReader: KeyReader | null;
    /** The read scope, set on data reads (GET /api/v1/...) before the route runs; null elsewhere. */
    accessScope: AccessScope | null;
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

/** Reads the app's database and `config.auth` (plugins/app/database.ts); sets `filterScope` (request-scope). */
async function authPlugin(app: FastifyInstance) {
  if (!app.hasRequestDecorator('cookies')) await app.register(fastifyCookie);
  app.decorateRequest('sessionUser', null);
  app.decorateRequest('sessionTokenHash', null);
  app.decorateRequest('accessScope', null);
  app.decorateRequest('keyReader', null);

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token !== undefined) await signIn(app, request, token);
    const secret = bearerSecret(request.headers.authorization);
    // Only a key-shaped bearer reads as a key: HEATMAP_INGEST_TOKEN never reads.
    if (!request.sessionUser && secret && looksLikeApiKey(secret) && isScopedRead(request)) {
      request.keyReader = await keyReader(app.db.sql, secret);
    }
    enforceReadScope(request, { publicMap: app.config.auth.publicMap });
  });

  // A response computed for a signed-in user must never be stored by a shared cache and handed
  // to someone else; Vary: Cookie keeps browsers from mixing signed-in and anonymous answers.
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('vary', appendVary(reply.getHeader('vary'), 'Cookie'));
    // The cookies are parsed by an onRequest hook: a reply sent before it ran (a CORS preflight, answered
    // by an earlier hook) has none. A throw here would make every error reply fail too.
    if (request.headers.authorization !== undefined) {
      reply.header('vary', appendVary(reply.getHeader('vary'), 'Authorization'));
    }
    if (request.cookies?.[SESSION_COOKIE] !== undefined || request.keyReader) {
      const cacheControl = String(reply.getHeader('cache-control') ?? '');
      reply.header('cache-control', privateCacheControl(cacheControl));
    }
    return payload;
  });
}

async function signIn(app: FastifyInstance, request: FastifyRequest, token: string): Promise<void> {
  if (STATE_CHANGING.has(request.method) && request.routeOptions.config.csrf !== false) {
    checkCsrf(request, token);
  }
  if (!TOKEN_FORMAT.test(token)) return;
  const tokenHash = hashSessionToken(token);
  const user = await findSessionUser(app.db.sql, tokenHash, SESSION_MAX_AGE_HOURS);
  if (!user) return;
  request.sessionUser = user;
  request.sessionTokenHash = tokenHash;
  if (Date.now() - user.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await touchSession(app.db.sql, tokenHash, app.config.auth.sessionTtlHours);
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
export const authenticate = fp(authPlugin, {
  name: 'heatmap-auth',
  fastify: '5.x',
  dependencies: ['database', 'request-scope'],
});
