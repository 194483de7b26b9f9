import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'heatmap_session';
export const CSRF_COOKIE = 'heatmap_csrf';
export const CSRF_HEADER = 'x-csrf-token';
/** Marks a browser an account has signed in from (sign-in limits); a token like the session's. */
export const DEVICE_COOKIE = 'heatmap_device';

/** What newSessionToken makes: a cookie of another shape is no token of ours. */
export const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;

/** 256 random bits, base64url: the cookie value, never stored. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the sessions table stores: SHA-256 is enough for a 256-bit random secret (no KDF needed). */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The CSRF token is derived from the session token, so it needs no storage and an attacker who
 * can plant a `heatmap_csrf` cookie (from a sibling subdomain, say) still cannot forge a match:
 * the server compares the header with this derivation, not with the cookie.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('heatmap-csrf-v1').digest('base64url');
}

export function csrfTokenMatches(sessionToken: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
