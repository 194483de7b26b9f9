import type { FastifyReply } from 'fastify';
import { type AuthConfig, SESSION_MAX_AGE_HOURS } from './auth-config';
import { CSRF_COOKIE, csrfTokenFor, DEVICE_COOKIE, SESSION_COOKIE } from './session-token';
import { DEVICE_TRUST_DAYS } from './sign-in-limits';

/**
 * Both cookies live as long as a session can at most; the server decides earlier expiry (sliding
 * TTL), so the cookie never has to be re-sent on ordinary, possibly cacheable, responses.
 * SameSite=Lax: a link from an e-mail opens the app signed in; cross-site POSTs carry no cookie.
 */
function cookieOptions(config: AuthConfig, httpOnly: boolean) {
  return {
    path: '/',
    httpOnly,
    sameSite: 'lax' as const,
    secure: config.cookieSecure,
    maxAge: SESSION_MAX_AGE_HOURS * 3600,
  };
}

/** Sets the session cookie and the CSRF cookie (readable by the web app's JavaScript). */
export function setSessionCookies(reply: FastifyReply, config: AuthConfig, token: string): string {
  const csrfToken = csrfTokenFor(token);
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(config, true));
  reply.setCookie(CSRF_COOKIE, csrfToken, cookieOptions(config, false));
  return csrfToken;
}

export function clearSessionCookies(reply: FastifyReply, config: AuthConfig): void {
  const { maxAge: _, ...options } = cookieOptions(config, true);
  reply.clearCookie(SESSION_COOKIE, options);
  reply.clearCookie(CSRF_COOKIE, { ...options, httpOnly: false });
}

/**
 * The device cookie goes to the sign-in route only (nothing else reads it) and outlives sign-outs:
 * it says "this browser has signed in as this account before", not who is signed in now.
 */
export function setDeviceCookie(reply: FastifyReply, config: AuthConfig, token: string): void {
  reply.setCookie(DEVICE_COOKIE, token, {
    path: '/api/v1/auth/login',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.cookieSecure,
    maxAge: DEVICE_TRUST_DAYS * 24 * 3600,
  });
}
