import { randomBytes } from 'node:crypto';
import { hashPassword } from '../auth/password-hash';
import type { Sql } from '../db/database';
import { countUsers } from '../queries/database-contents-query';
import { createUser } from '../repositories/users-repository';

export interface DemoAccount {
  login: string;
  password: string;
}

/**
 * A first start of the demo has no accounts, and the staff map needs one: create an admin with a
 * random password, to be printed once. A database that has any account is left alone.
 */
export async function ensureDemoAccount(sql: Sql): Promise<DemoAccount | undefined> {
  if ((await countUsers(sql)) > 0) return undefined;
  const account = { login: 'admin', password: randomBytes(12).toString('base64url') };
  await createUser(sql, {
    login: account.login,
    role: 'admin',
    passwordHash: await hashPassword(account.password),
    districtNames: [],
  });
  return account;
}
