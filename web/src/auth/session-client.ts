import { api } from '../api/client';
import { bodyOf } from '../api/http';
import type { JsonOf } from '../api/types';
import { rememberCsrfToken } from './csrf';

export type Me = JsonOf<'/api/v1/auth/me'>;
export type LoginResponse = JsonOf<'/api/v1/auth/login', 'post'>;
export type StaffUser = Exclude<Me, { role: 'public' }>;
export type Role = StaffUser['role'];

export function isStaff(me: Me): me is StaffUser {
  return me.role !== 'public';
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

export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return bodyOf(api.GET('/api/v1/auth/me', { signal }));
}

export async function signIn(login: string, password: string): Promise<StaffUser> {
  let answer: Awaited<ReturnType<typeof postLogin>>;
  try {
    answer = await postLogin(login, password);
  } catch {
    throw new SignInError('other', 'network');
  }
  const { data, error, response } = answer;
  if (data) {
    const { csrfToken: token, ...user } = data;
    rememberCsrfToken(token);
    return user;
  }
  const message = (error as { message?: string } | undefined)?.message ?? response.statusText;
  if (response.status === 401) throw new SignInError('wrong', message);
  if (response.status === 429) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new SignInError('tooMany', message, Number.isFinite(retryAfter) ? retryAfter : undefined);
  }
  throw new SignInError('other', message);
}

function postLogin(login: string, password: string) {
  return api.POST('/api/v1/auth/login', { body: { login, password } });
}

export async function signOut(): Promise<void> {
  try {
    await api.POST('/api/v1/auth/logout');
  } finally {
    // Whatever the server said, this tab no longer holds a session.
    rememberCsrfToken(null);
  }
}
