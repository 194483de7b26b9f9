import { describe, expect, test } from 'vitest';
import { LoginRateLimiter } from './login-rate-limiter';

const MINUTE = 60_000;

function limiterAt(start = 0) {
  const clock = { now: start };
  return { clock, limiter: new LoginRateLimiter({ now: () => clock.now }) };
}

describe('LoginRateLimiter', () => {
  test('allows 5 failures per account, refuses the 6th attempt until the first failure is 15 minutes old', () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 5; i++) {
      expect(limiter.check('anna', '1.1.1.1')).toEqual({ allowed: true });
      limiter.recordFailure('anna', '1.1.1.1');
      clock.now += MINUTE;
    }
    // First failure at 0, now at 5 min: 10 minutes to wait.
    expect(limiter.check('anna', '2.2.2.2')).toEqual({ allowed: false, retryAfterSeconds: 600 });
    clock.now = 15 * MINUTE - 1;
    expect(limiter.check('anna', '2.2.2.2').allowed).toBe(false);
    clock.now = 15 * MINUTE;
    expect(limiter.check('anna', '2.2.2.2')).toEqual({ allowed: true });
  });

  test('the window slides: one more failure blocks again until the next oldest leaves', () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 5; i++) {
      limiter.recordFailure('anna', '1.1.1.1');
      clock.now += MINUTE;
    }
    clock.now = 15 * MINUTE;
    limiter.recordFailure('anna', '1.1.1.1');
    expect(limiter.check('anna', '1.1.1.1')).toEqual({ allowed: false, retryAfterSeconds: 60 });
  });

  test('allows 20 failures per address across accounts, then refuses that address only', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 20; i++) limiter.recordFailure(`user${i}`, '6.6.6.6');
    expect(limiter.check('fresh', '6.6.6.6')).toEqual({ allowed: false, retryAfterSeconds: 900 });
    expect(limiter.check('fresh', '7.7.7.7')).toEqual({ allowed: true });
  });

  test('a success clears the account failures but not the address failures', () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 4; i++) limiter.recordFailure('anna', '1.1.1.1');
    limiter.recordSuccess('anna');
    limiter.recordFailure('anna', '1.1.1.1');
    expect(limiter.check('anna', '3.3.3.3')).toEqual({ allowed: true });
    for (let i = 0; i < 15; i++) limiter.recordFailure(`u${i}`, '1.1.1.1');
    expect(limiter.check('anna', '1.1.1.1').allowed).toBe(false);
  });

  test('keeps at most maxKeys accounts, dropping the least recently failed', () => {
    const clock = { now: 0 };
    const limiter = new LoginRateLimiter({
      now: () => clock.now,
      maxKeys: 2,
      perAccount: { maxFailures: 1, windowMs: MINUTE },
    });
    limiter.recordFailure('a', 'x');
    limiter.recordFailure('b', 'y');
    limiter.recordFailure('c', 'z');
    expect(limiter.check('a', 'q').allowed).toBe(true);
    expect(limiter.check('c', 'q').allowed).toBe(false);
  });
});
