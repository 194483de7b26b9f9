import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyPassword } from '../../src/auth/password-hash';
import { runUserCommand } from '../../src/cli/user-command';
import { findUserByLogin } from '../../src/repositories/users-repository';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { seedDistricts } from './auth-helpers';

/** Runs `heatmap user ...` with stdin fed from `input`; returns exit code and both outputs. */
async function run(db: TestDatabase, argv: string[], input = '') {
  let out = '';
  let err = '';
  const stdout = new PassThrough().on('data', (c) => (out += c));
  const stderr = new PassThrough().on('data', (c) => (err += c));
  const code = await runUserCommand(argv, { sql: db.sql, stdin: Readable.from([input]), stdout, stderr });
  return { code, out, err };
}

describe.each(BACKENDS)('heatmap user on %s', (backend) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await seedDistricts(db.sql);
  });
  afterAll(async () => {
    await db?.close();
  });

  test('add with --password-stdin stores an scrypt hash that verifies', async () => {
    const added = await run(
      db,
      ['add', '--login', 'Anna', '--role', 'admin', '--password-stdin'],
      'long enough pw\n',
    );
    expect(added).toMatchObject({ code: 0, out: 'added anna (admin)\n' });
    const user = await findUserByLogin(db.sql, 'anna');
    expect(user?.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('long enough pw', user?.passwordHash as string)).toBe(true);
    expect(await verifyPassword('long enough pw\n', user?.passwordHash as string)).toBe(false);
  });

  test('add a municipal user with two districts, then list everyone', async () => {
    const added = await run(
      db,
      [
        'add',
        '--login',
        'clerk',
        '--role',
        'municipal',
        '--district',
        'Pest',
        '--district',
        'Buda',
        '--password-stdin',
      ],
      'another password',
    );
    expect(added.out).toBe('added clerk (municipal for Buda, Pest)\n');
    const listed = await run(db, ['list']);
    const lines = listed.out.trim().split('\n');
    expect(lines[0]).toMatch(/^LOGIN\s+ROLE\s+CREATED\s+DISTRICTS$/);
    expect(lines.some((l) => /^anna\s+admin\s+\d{4}-\d{2}-\d{2}$/.test(l))).toBe(true);
    expect(lines.some((l) => /^clerk\s+municipal\s+\d{4}-\d{2}-\d{2}\s+Buda, Pest$/.test(l))).toBe(true);
  });

  test('add refuses unknown districts, a municipal user without one, a duplicate, a short password', async () => {
    const unknown = await run(
      db,
      ['add', '--login', 'x1', '--role', 'municipal', '--district', 'Atlantis', '--password-stdin'],
      'long enough pw',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/unknown district\(s\): Atlantis/);
    const none = await run(
      db,
      ['add', '--login', 'x2', '--role', 'municipal', '--password-stdin'],
      'long enough pw',
    );
    expect(none).toMatchObject({ code: 2 });
    expect(none.err).toMatch(/needs at least one --district/);
    const regionalWithDistrict = await run(
      db,
      ['add', '--login', 'x3', '--role', 'regional', '--district', 'Pest', '--password-stdin'],
      'long enough pw',
    );
    expect(regionalWithDistrict.code).toBe(2);
    const duplicate = await run(
      db,
      ['add', '--login', 'ANNA', '--role', 'admin', '--password-stdin'],
      'long enough pw',
    );
    expect(duplicate).toMatchObject({ code: 1, err: 'a user with login "anna" already exists\n' });
    const short = await run(db, ['add', '--login', 'x4', '--role', 'admin', '--password-stdin'], 'short');
    expect(short.code).toBe(2);
    expect(short.err).toMatch(/at least 10 characters/);
    const badRole = await run(
      db,
      ['add', '--login', 'x5', '--role', 'root', '--password-stdin'],
      'long enough pw',
    );
    expect(badRole.code).toBe(2);
    expect(await findUserByLogin(db.sql, 'x1')).toBeUndefined();
    expect(await findUserByLogin(db.sql, 'x4')).toBeUndefined();
  });

  test('without --password-stdin and without a terminal, add refuses instead of hanging', async () => {
    const result = await run(db, ['add', '--login', 'x6', '--role', 'admin']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/--password-stdin/);
  });

  test('on a terminal the password is asked twice and never echoed', async () => {
    const terminal = Object.assign(new PassThrough(), { isTTY: true, modes: [] as boolean[] });
    const rawModes: boolean[] = [];
    Object.assign(terminal, { setRawMode: (mode: boolean) => rawModes.push(mode) });
    let out = '';
    const stdout = new PassThrough().on('data', (c) => (out += c));
    const done = runUserCommand(['add', '--login', 'tty.user', '--role', 'regional'], {
      sql: db.sql,
      stdin: terminal,
      stdout,
    });
    // Keys arrive one by one, with a typo corrected by backspace.
    const keys = ['s', 'e', 'c', 'r', 'x', '\u007f', 'e', 't', ' ', 'p', 'h', 'r', 'a', 's', 'e', '\r'];
    for (const key of [...keys, ...keys.filter((k) => k !== 'x' && k !== '\u007f')]) {
      await new Promise((r) => setTimeout(r, 1));
      terminal.write(key);
    }
    expect(await done).toBe(0);
    expect(out).not.toMatch(/secret/);
    expect(out).toMatch(/Password: \nPassword again: \nadded tty.user \(regional\)/);
    expect(rawModes).toEqual([true, false, true, false]);
    const user = await findUserByLogin(db.sql, 'tty.user');
    expect(await verifyPassword('secret phrase', user?.passwordHash as string)).toBe(true);
  });

  test("passwd changes the password, ends the user's sessions and forgets their trusted browsers", async () => {
    const user = await findUserByLogin(db.sql, 'anna');
    await db.sql`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ('h1', ${user?.id as number}, now() + interval '1 hour')`;
    await db.sql`INSERT INTO sign_in_devices (token_hash, user_id) VALUES ('d1', ${user?.id as number})`;
    const changed = await run(
      db,
      ['passwd', '--login', 'anna', '--password-stdin'],
      'a brand new password\n',
    );
    expect(changed.code).toBe(0);
    const after = await findUserByLogin(db.sql, 'anna');
    expect(await verifyPassword('a brand new password', after?.passwordHash as string)).toBe(true);
    expect(await verifyPassword('long enough pw', after?.passwordHash as string)).toBe(false);
    const sessions = await db.sql`SELECT 1 FROM sessions WHERE user_id = ${user?.id as number}`;
    expect(sessions.length).toBe(0);
    const devices = await db.sql`SELECT 1 FROM sign_in_devices WHERE user_id = ${user?.id as number}`;
    expect(devices.length).toBe(0);
    expect(
      (await run(db, ['passwd', '--login', 'nobody', '--password-stdin'], 'a brand new password')).code,
    ).toBe(1);
  });

  test('remove deletes the user with their districts and sessions', async () => {
    const user = await findUserByLogin(db.sql, 'clerk');
    await db.sql`INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ('h2', ${user?.id as number}, now() + interval '1 hour')`;
    expect((await run(db, ['remove', '--login', 'clerk'])).code).toBe(0);
    expect(await findUserByLogin(db.sql, 'clerk')).toBeUndefined();
    expect((await db.sql`SELECT 1 FROM sessions WHERE token_hash = 'h2'`).length).toBe(0);
    expect((await db.sql`SELECT 1 FROM user_districts WHERE user_id = ${user?.id as number}`).length).toBe(0);
    expect((await run(db, ['remove', '--login', 'clerk'])).code).toBe(1);
  });

  test('unknown subcommands and options print the usage', async () => {
    const unknown = await run(db, ['frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/Usage:/);
    expect((await run(db, ['list', '--verbose'])).code).toBe(2);
  });
});
