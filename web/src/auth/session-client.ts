import type { paths } from '../api/schema';
import { takeEarlyResponse } from '../boot/early-requests';

type AuthJson<P extends keyof paths, M extends 'get' | 'post'> = paths[P] extends {
  [K in M]: { responses: { 200: { content: { 'application/json': infer Body } } } };
}
  ? Body
  : never;

export type Me = AuthJson<'/api/v1/auth/me', 'get'>;
export type LoginResponse = AuthJson<'/api/v1/auth/login', 'post'>;
export type StaffUser = Exclude<Me, { role: 'public' }>;
export type Role = StaffUser['role'];

export function isStaff(me: Me): me is StaffUser {
  return me.role !== 'public';
}

export const CSRF_COOKIE = 'heatmap_csrf';
const AUTH = '/api/v1/auth';

// The login answer carries the token; after a reload it comes from the readable cookie instead.
let csrfFromLogin: string | null = null;

export function csrfToken(): string | null {
  if (csrfFromLogin) return csrfFromLogin;
  const pair = document.cookie.split('; ').find((item) => item.startsWith(`${CSRF_COOKIE}=`));
  return pair ? decodeURIComponent(pair.slice(CSRF_COOKIE.length + 1)) : null;
}

/** Why a sign-in failed, in terms the form shows: a 429 carries how long to wait. */
export class SignInError extends Error {
  constructor(
    readonly kind: 'wrong' | 'tooMany' | 'other',
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

async function errorMessage(response: Response): Promise<string> {
  try {
    return ((await response.json()) as { message?: string }).message ?? response.statusText;
  } catch {
    return response.statusText;
  }
}

/** A state-changing request: JSON body, the session cookie, and the CSRF token the server derived. */
export function postJson(path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = csrfToken();
  if (token) headers['x-csrf-token'] = token;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(path, {
    method: 'POST',
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

export async function fetchMe(signal?: AbortSignal): Promise<Me> {
  const url = `${AUTH}/me`;
  const response = await (takeEarlyResponse(url) ??
    fetch(url, { signal, headers: { accept: 'application/json' } }));
  if (!response.ok) throw new Error(await errorMessage(response));
  return (await response.json()) as Me;
}

export async function signIn(login: string, password: string): Promise<StaffUser> {
  let response: Response;
  try {
    response = await postJson(`${AUTH}/login`, { login, password });
  } catch {
    throw new SignInError('other', 'network');
  }
  if (response.ok) {
    const { csrfToken: token, ...user } = (await response.json()) as LoginResponse;
    csrfFromLogin = token;
    return user;
  }
  const message = await errorMessage(response);
  if (response.status === 401) throw new SignInError('wrong', message);
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new SignInError('tooMany', message, Number.isFinite(retryAfter) ? retryAfter : undefined);
  }
  throw new SignInError('other', message);
}

export async function signOut(): Promise<void> {
  try {
    await postJson(`${AUTH}/logout`);
  } finally {
    // Whatever the server said, this tab no longer holds a session.
    csrfFromLogin = null;
  }
}
