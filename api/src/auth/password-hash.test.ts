import { describe, expect, test } from 'vitest';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password-hash';

describe('hashPassword', () => {
  test('writes scrypt with N=2^15, r=8, p=1, a 16-byte salt and a 32-byte key', async () => {
    const hash = await hashPassword('correct horse battery');
    const [kind, n, r, p, salt, key] = hash.split('$');
    expect([kind, n, r, p]).toEqual(['scrypt', '32768', '8', '1']);
    expect(Buffer.from(salt as string, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key as string, 'base64url')).toHaveLength(32);
  });

  test('salts every hash: the same password hashes differently twice', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });
});

describe('verifyPassword', () => {
  test('accepts the password and refuses any other', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  test('treats composed and decomposed accents as the same password (NFC)', async () => {
    const hash = await hashPassword('Kőbánya jelszó');
    expect(await verifyPassword('Ko\u030bba\u0301nya jelszo\u0301', hash)).toBe(true);
  });

  test('verifies a hash made with other parameters (they are read from the hash)', async () => {
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from('0123456789abcdef');
    const key = scryptSync('old password', salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const old = `scrypt$16384$8$1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    expect(await verifyPassword('old password', old)).toBe(true);
  });

  test('a malformed stored hash verifies nothing', async () => {
    for (const stored of [
      '',
      'plain',
      'scrypt$x$8$1$c2FsdA$a2V5',
      'bcrypt$1$2$3$4$5',
      'scrypt$16384$8$1$c2FsdA$',
    ]) {
      expect(await verifyPassword('anything', stored)).toBe(false);
    }
  });

  test('the dummy hash used for unknown logins is a real scrypt hash nobody knows', async () => {
    const dummy = await dummyPasswordHash();
    expect(dummy).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await dummyPasswordHash()).toBe(dummy);
    expect(await verifyPassword('', dummy)).toBe(false);
  });
});
