import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { type AuthConfig, SESSION_MAX_AGE_HOURS } from '../../../../auth/auth-config';
import { dummyPasswordHash, verifyPassword } from '../../../../auth/password-hash';
import { clearSessionCookies, setDeviceCookie, setSessionCookies } from '../../../../auth/session-cookies';
import {
  DEVICE_COOKIE,
  hashSessionToken,
  newSessionToken,
  SESSION_COOKIE,
  TOKEN_FORMAT,
} from '../../../../auth/session-token';
import { addressKey, SIGN_IN_RULES } from '../../../../auth/sign-in-limits';
import { errorBody } from '../../../../errors/http-error';
import {
  createSession,
  deleteExpiredSessions,
  deleteSession,
  type SessionUser,
} from '../../../../repositories/sessions-repository';
import {
  forgiveSignInAttempts,
  reserveSignInAttempt,
  trustDevice,
} from '../../../../repositories/sign-in-attempts-repository';
import { findUserByLogin, normaliseLogin, userDistricts } from '../../../../repositories/users-repository';
import { LoginBodySchema, LoginResponseSchema, type Me, MeSchema } from '../../../../schemas/auth';
import { ErrorSchema } from '../../../../schemas/common';

const WRONG_CREDENTIALS = 'Wrong login or password.';

/**
 * Sign-in, sign-out and "who am I" under /api/v1/auth. Needs the auth plugin registered first
 * (`authenticate` from auth/auth-plugin.ts).
 */
export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { sql } = app.db;
  const config = app.config.auth;

  app.post(
    '/login',
    {
      // No session yet, so no CSRF token: a cross-site sign-in (login CSRF) is refused by
      // Sec-Fetch-Site below, and a cross-site form cannot send the JSON body this route parses.
      config: { csrf: false },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: LoginBodySchema,
        response: {
          200: LoginResponseSchema,
          401: ErrorSchema,
          403: ErrorSchema,
          429: ErrorSchema,
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      if (request.headers['sec-fetch-site'] === 'cross-site') {
        return reply.code(403).send(errorBody(403, 'Sign in from the heat map itself.'));
      }
      const attempt = {
        account: normaliseLogin(request.body.login),
        address: addressKey(request.ip),
        deviceHash: deviceHash(request.cookies[DEVICE_COOKIE]),
      };
      // Counted before the password is checked: parallel guesses cannot all pass one count.
      const reservation = await reserveSignInAttempt(sql, attempt, SIGN_IN_RULES);
      if (!reservation.allowed) {
        const minutes = Math.ceil(reservation.retryAfterSeconds / 60);
        return reply
          .code(429)
          .header('retry-after', String(reservation.retryAfterSeconds))
          .send(
            errorBody(
              429,
              `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
            ),
          );
      }
      // An unknown login costs the same scrypt as a wrong password: timing tells nothing.
      const user = await findUserByLogin(sql, attempt.account);
      const valid = await verifyPassword(
        request.body.password,
        user?.passwordHash ?? (await dummyPasswordHash()),
      );
      if (!user || !valid) return reply.code(401).send(errorBody(401, WRONG_CREDENTIALS));
      await forgiveSignInAttempts(sql, attempt);
      if (!reservation.trustedDevice) {
        const deviceToken = newSessionToken();
        await trustDevice(sql, hashSessionToken(deviceToken), user.id);
        setDeviceCookie(reply, config, deviceToken);
      }
      // A fresh token on every sign-in (no session fixation); the old one, if any, ends now.
      const previous = request.cookies[SESSION_COOKIE];
      if (previous) await deleteSession(sql, hashSessionToken(previous));
      await deleteExpiredSessions(sql, SESSION_MAX_AGE_HOURS);
      const token = newSessionToken();
      await createSession(sql, {
        tokenHash: hashSessionToken(token),
        userId: user.id,
        ttlHours: config.sessionTtlHours,
      });
      const csrfToken = setSessionCookies(reply, config, token);
      const districts = user.role === 'municipal' ? await userDistricts(sql, user.id) : [];
      return { login: user.login, role: user.role, districts, csrfToken };
    },
  );

  app.post(
    '/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out; ends the session (needs X-CSRF-Token)',
        response: { 204: { type: 'null', description: 'Signed out.' } },
      },
    },
    async (request, reply) => {
      if (request.sessionTokenHash) await deleteSession(sql, request.sessionTokenHash);
      clearSessionCookies(reply, config);
      return reply.code(204).header('cache-control', 'no-store').send();
    },
  );

  app.get(
    '/me',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, and which districts they see',
        response: { 200: MeSchema },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return describe(request, config);
    },
  );
};

export default authRoutes;

function describe(request: FastifyRequest, config: AuthConfig): Me {
  const user: SessionUser | null = request.sessionUser;
  if (!user) return { role: 'public', publicMap: config.publicMap };
  return {
    login: user.login,
    role: user.role,
    districts: user.role === 'municipal' ? user.districts : [],
  };
}

/** A cookie that is not a token we could have issued names no device. */
function deviceHash(cookie: string | undefined): string | undefined {
  return cookie && TOKEN_FORMAT.test(cookie) ? hashSessionToken(cookie) : undefined;
}
