import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/auth/password-hash';
import { ensureDemoAccount } from '../../src/cli/demo-account';
import { findUserByLogin } from '../../src/repositories/users-repository';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

describe.each(BACKENDS)('demo account (%s)', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
  });
  afterAll(() => db?.close());

  it('creates one admin with a random password on a database without accounts, and never again', async () => {
    const account = await ensureDemoAccount(db.sql);
    expect(account?.login).toBe('admin');
    expect(account?.password.length).toBeGreaterThanOrEqual(16);
    const stored = await findUserByLogin(db.sql, 'admin');
    expect(stored?.role).toBe('admin');
    expect(await verifyPassword(account?.password ?? '', stored?.passwordHash ?? '')).toBe(true);
    expect(await ensureDemoAccount(db.sql)).toBeUndefined();
    const [row] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM users`;
    expect(row?.n).toBe(1);
  });
});
