export interface RateLimitRule {
  /** Failures allowed inside the window; the next attempt is refused. */
  maxFailures: number;
  windowMs: number;
}

export interface LoginRateLimiterOptions {
  perAccount?: RateLimitRule;
  perAddress?: RateLimitRule;
  /** Keys tracked per kind before the stalest are dropped: memory stays bounded under attack. */
  maxKeys?: number;
  now?: () => number;
}

export type RateLimitVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

const FIFTEEN_MINUTES = 15 * 60 * 1000;

/**
 * Failed sign-ins in a sliding window, per account and per client address, in memory: one
 * process serves the API, and a restart forgetting the counts costs an attacker nothing much
 * (a few more guesses against scrypt-hashed passwords).
 */
export class LoginRateLimiter {
  readonly #perAccount: RateLimitRule;
  readonly #perAddress: RateLimitRule;
  readonly #maxKeys: number;
  readonly #now: () => number;
  readonly #accounts = new Map<string, number[]>();
  readonly #addresses = new Map<string, number[]>();

  constructor(options: LoginRateLimiterOptions = {}) {
    this.#perAccount = options.perAccount ?? { maxFailures: 5, windowMs: FIFTEEN_MINUTES };
    this.#perAddress = options.perAddress ?? { maxFailures: 20, windowMs: FIFTEEN_MINUTES };
    this.#maxKeys = options.maxKeys ?? 100_000;
    this.#now = options.now ?? Date.now;
  }

  /** Asked before checking the password, so a blocked caller learns nothing about it. */
  check(account: string, address: string): RateLimitVerdict {
    const now = this.#now();
    const waits = [
      waitFor(this.#accounts, account, this.#perAccount, now),
      waitFor(this.#addresses, address, this.#perAddress, now),
    ];
    const wait = Math.max(...waits);
    return wait > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) } : { allowed: true };
  }

  recordFailure(account: string, address: string): void {
    const now = this.#now();
    record(this.#accounts, account, this.#perAccount, now, this.#maxKeys);
    record(this.#addresses, address, this.#perAddress, now, this.#maxKeys);
  }

  /**
   * A successful sign-in clears the account's failures, not the address's: an attacker holding
   * one valid account must not be able to reset the address counter between guesses.
   */
  recordSuccess(account: string): void {
    this.#accounts.delete(account);
  }
}

function recent(map: Map<string, number[]>, key: string, rule: RateLimitRule, now: number): number[] {
  const times = (map.get(key) ?? []).filter((t) => t > now - rule.windowMs);
  if (times.length === 0) map.delete(key);
  else map.set(key, times);
  return times;
}

/** Milliseconds until one failure leaves the window and an attempt is allowed again; 0: allowed now. */
function waitFor(map: Map<string, number[]>, key: string, rule: RateLimitRule, now: number): number {
  const times = recent(map, key, rule, now);
  if (times.length < rule.maxFailures) return 0;
  const unblocking = times[times.length - rule.maxFailures] as number;
  return unblocking + rule.windowMs - now;
}

function record(map: Map<string, number[]>, key: string, rule: RateLimitRule, now: number, maxKeys: number) {
  const times = recent(map, key, rule, now);
  times.push(now);
  // Keep only what can still block: the map entry never grows past maxFailures timestamps.
  if (times.length > rule.maxFailures) times.splice(0, times.length - rule.maxFailures);
  map.delete(key); // re-insert: Map order is then least recently failed first
  map.set(key, times);
  while (map.size > maxKeys) {
    const oldest = map.keys().next().value as string;
    map.delete(oldest);
  }
}
