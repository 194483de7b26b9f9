import { describe, expect, test } from 'vitest';
import { addressKey, keysFor, longestWindowSeconds, SIGN_IN_RULES, signInVerdict } from './sign-in-limits';

const MINUTE = 60_000;
const rules = SIGN_IN_RULES;

describe('signInVerdict', () => {
  test('allows 5 attempts per account and address, refuses the 6th until the oldest is 15 minutes old', () => {
    const times = [0, 1, 2, 3, 4].map((m) => m * MINUTE);
    // First attempt at 0, now at 5 min: 10 minutes to wait.
    expect(signInVerdict(rules, { accountAndAddress: times }, 5 * MINUTE)).toEqual({
      allowed: false,
      retryAfterSeconds: 600,
    });
    expect(signInVerdict(rules, { accountAndAddress: times }, 15 * MINUTE - 1).allowed).toBe(false);
    expect(signInVerdict(rules, { accountAndAddress: times }, 15 * MINUTE)).toEqual({ allowed: true });
    expect(signInVerdict(rules, { accountAndAddress: times.slice(1) }, 5 * MINUTE)).toEqual({
      allowed: true,
    });
  });

  test('the window slides: the wait is until the attempt that blocks leaves, not the oldest', () => {
    const times = [14, 0, 13, 12, 11, 10].map((m) => m * MINUTE);
    expect(signInVerdict(rules, { accountAndAddress: times }, 15 * MINUTE)).toEqual({
      allowed: false,
      retryAfterSeconds: 600,
    });
  });

  test('the longest wait over all keys wins', () => {
    const address = Array.from({ length: 20 }, (_, i) => i * 1000);
    const account = Array.from({ length: 50 }, () => 30 * MINUTE);
    expect(signInVerdict(rules, { address, account, accountAndAddress: [] }, 31 * MINUTE)).toEqual({
      allowed: false,
      retryAfterSeconds: 59 * 60,
    });
    expect(signInVerdict(rules, { address, account: account.slice(1) }, 31 * MINUTE)).toEqual({
      allowed: true,
    });
  });

  test('a trusted browser is checked against its own limit only', () => {
    expect(keysFor(true)).toEqual(['device']);
    expect(keysFor(false)).toEqual(['accountAndAddress', 'address', 'account']);
    expect(longestWindowSeconds(rules)).toBe(3600);
  });
});

describe('addressKey', () => {
  test('IPv4 and IPv4-mapped IPv6 are the address itself', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  test('IPv6 is counted by its /64, however it is written', () => {
    expect(addressKey('2001:db8:0:1::42')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:0DB8:0000:0001:ffff:1:2:3')).toBe('2001:db8:0:1::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(addressKey('64:ff9b::198.51.100.1')).toBe('64:ff9b:0:0::/64');
  });
});
