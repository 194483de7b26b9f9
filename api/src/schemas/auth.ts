import { type Static, Type } from '@sinclair/typebox';
import { MAX_PASSWORD_LENGTH } from '../auth/password-hash';
import { ROLES } from '../repositories/users-repository';
import { NO_CONTROL_CHARACTERS, StringEnum } from './common';

export const LoginBodySchema = Type.Object(
  {
    login: Type.String({
      minLength: 1,
      maxLength: 64,
      pattern: NO_CONTROL_CHARACTERS,
      description: 'The account name (case-insensitive).',
    }),
    password: Type.String({ minLength: 1, maxLength: MAX_PASSWORD_LENGTH }),
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBodySchema>;

const DistrictRefSchema = Type.Object({ id: Type.Integer(), name: Type.String() });

export const SignedInSchema = Type.Object(
  {
    login: Type.String(),
    role: StringEnum(ROLES),
    districts: Type.Array(DistrictRefSchema, {
      description: 'The districts a municipal account sees; empty for admin and regional (they see all).',
    }),
  },
  { description: 'The signed-in account.' },
);

export const AnonymousSchema = Type.Object(
  {
    role: Type.Literal('public'),
    publicMap: Type.Boolean({ description: 'Whether the public map is open to anonymous visitors.' }),
  },
  { description: 'Nobody is signed in.' },
);

export const MeSchema = Type.Union([SignedInSchema, AnonymousSchema]);
export type Me = Static<typeof MeSchema>;

export const LoginResponseSchema = Type.Composite([
  SignedInSchema,
  Type.Object({
    csrfToken: Type.String({
      description:
        'Send in X-CSRF-Token with every state-changing request (also in the heatmap_csrf cookie).',
    }),
  }),
]);
