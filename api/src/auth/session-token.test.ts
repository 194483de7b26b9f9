import { describe, expect, test } from 'vitest';
import { csrfTokenFor, csrfTokenMatches, hashSessionToken, newSessionToken } from './session-token';

describe('session tokens', () => {
  test('are 256 random bits in base64url, different every time', () => {
    const a = newSessionToken();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSessionToken()).not.toBe(a);
  });
  test('are stored as their SHA-256', () => {
    expect(hashSessionToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('CSRF tokens', () => {
  test('derive from the session token: same session, same token; other session, other token', () => {
    const session = newSessionToken();
    expect(csrfTokenFor(session)).toBe(csrfTokenFor(session));
    expect(csrfTokenFor(newSessionToken())).not.toBe(csrfTokenFor(session));
    expect(csrfTokenFor(session)).not.toContain(session);
  });
  test('match only the exact derived value', () => {
    const session = newSessionToken();
    const token = csrfTokenFor(session);
    expect(csrfTokenMatches(session, token)).toBe(true);
    expect(csrfTokenMatches(session, undefined)).toBe(false);
    expect(csrfTokenMatches(session, '')).toBe(false);
    expect(csrfTokenMatches(session, `${token}x`)).toBe(false);
    expect(csrfTokenMatches(newSessionToken(), token)).toBe(false);
  });
});
