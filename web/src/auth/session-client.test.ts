import { afterEach, describe, expect, test, vi } from 'vitest';
import { csrfToken } from './csrf';
import { fakeFetch } from './fake-fetch';
import { SignInError, signIn, signOut } from './session-client';

const USER = { login: 'anna', role: 'municipal', districts: [{ id: 13, name: 'XIII. kerület' }] };

afterEach(async () => {
  fakeFetch(() => ({ status: 204 }));
  await signOut();
  // biome-ignore lint/suspicious/noDocumentCookie: the test plays the server setting the cookie
  document.cookie = 'heatmap_csrf=; max-age=0';
  vi.unstubAllGlobals();
});

describe('session client', () => {
  test('sign-in returns the user and later POSTs carry its CSRF token', async () => {
    const { requests } = fakeFetch((path) =>
      path === '/api/v1/auth/login'
        ? { status: 200, body: { ...USER, csrfToken: 'token-from-login' } }
        : { status: 204 },
    );
    expect(await signIn('anna', 'secret password')).toEqual(USER);
    expect(JSON.parse(requests[0]?.body ?? '')).toEqual({ login: 'anna', password: 'secret password' });
    await signOut();
    expect(requests[1]?.headers['x-csrf-token']).toBe('token-from-login');
  });

  test('after a reload the token comes from the readable cookie', async () => {
    // biome-ignore lint/suspicious/noDocumentCookie: the test plays the server setting the cookie
    document.cookie = 'heatmap_csrf=from%20cookie';
    expect(csrfToken()).toBe('from cookie');
    const { requests } = fakeFetch(() => ({ status: 204 }));
    await signOut();
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/api/v1/auth/logout' });
    expect(requests[0]?.headers['x-csrf-token']).toBe('from cookie');
  });

  test('a wrong password and a rate limit are told apart, with the wait', async () => {
    fakeFetch(() => ({ status: 401, body: { message: 'Wrong login or password.' } }));
    await expect(signIn('anna', 'nope')).rejects.toMatchObject({ kind: 'wrong' });
    fakeFetch(() => ({
      status: 429,
      body: { message: 'Too many failed sign-in attempts. Try again in 10 minutes.' },
      headers: { 'retry-after': '600' },
    }));
    const error = await signIn('anna', 'nope').catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(SignInError);
    expect(error).toMatchObject({ kind: 'tooMany', retryAfterSeconds: 600 });
  });
});
