import { isIPv6 } from 'node:net';

export interface LimitRule {
  /** Attempts allowed inside the window; the next one is refused until the oldest leaves it. */
  maxAttempts: number;
  windowSeconds: number;
}

/** What an attempt is counted under; see docs/access-control.md "Sign-in limits". */
export type LimitKey = 'accountAndAddress' | 'address' | 'account' | 'device';

export type SignInRules = Record<LimitKey, LimitRule>;

const FIFTEEN_MINUTES = 15 * 60;

/**
 * Per account and address: a stranger's guesses lock only their own address out of that account.
 * Per address: one address spraying many accounts. Per account: a guess spread over many
 * addresses; slower, so it bounds distributed guessing (1,200 a day) without a stranger locking
 * the owner out cheaply. A browser the owner has signed in from is held to the device rule only.
 */
export const SIGN_IN_RULES: SignInRules = {
  accountAndAddress: { maxAttempts: 5, windowSeconds: FIFTEEN_MINUTES },
  address: { maxAttempts: 20, windowSeconds: FIFTEEN_MINUTES },
  account: { maxAttempts: 50, windowSeconds: 60 * 60 },
  device: { maxAttempts: 5, windowSeconds: FIFTEEN_MINUTES },
};

/** A device cookie trusts its browser this long after the sign-in that issued it. */
export const DEVICE_TRUST_DAYS = 90;

/** The keys an attempt is checked against: a trusted browser is held to its own limit only. */
export function keysFor(trustedDevice: boolean): LimitKey[] {
  return trustedDevice ? ['device'] : ['accountAndAddress', 'address', 'account'];
}

/** Attempts older than this count under no rule and may be deleted. */
export function longestWindowSeconds(rules: SignInRules): number {
  return Math.max(...Object.values(rules).map((r) => r.windowSeconds));
}

export type SignInVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Allowed when every key has room; else how long until the attempt that blocks leaves its window.
 * `recent` holds, per key, the times (epoch ms) of the attempts counted under it, in any order.
 */
export function signInVerdict(
  rules: SignInRules,
  recent: Partial<Record<LimitKey, number[]>>,
  now: number,
): SignInVerdict {
  let waitMs = 0;
  for (const [key, times] of Object.entries(recent) as [LimitKey, number[]][]) {
    const rule = rules[key];
    const windowMs = rule.windowSeconds * 1000;
    const inWindow = times.filter((t) => t > now - windowMs).sort((a, b) => b - a);
    if (inWindow.length < rule.maxAttempts) continue;
    const blocking = inWindow[rule.maxAttempts - 1] as number;
    waitMs = Math.max(waitMs, blocking + windowMs - now);
  }
  return waitMs > 0 ? { allowed: false, retryAfterSeconds: Math.ceil(waitMs / 1000) } : { allowed: true };
}

/**
 * The address an attempt is counted under. An IPv6 client is routed a whole /64 and can pick any
 * address in it, so the /64 is the unit; IPv4 (also IPv4-mapped IPv6) is the address itself.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1] as string;
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]?.split('::') ?? [];
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') && tail ? tail.split(':') : [];
  // An embedded IPv4 tail (::a.b.c.d) only touches the low 64 bits, which are dropped anyway.
  const missing = 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(Math.max(missing, 0)).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}
