import { createHash } from 'node:crypto';
import {
  DEVICE_TRUST_DAYS,
  keysFor,
  type LimitKey,
  longestWindowSeconds,
  type SignInRules,
  type SignInVerdict,
  signInVerdict,
} from '../auth/sign-in-limits';
import type { Sql } from '../db/database';

export interface AttemptKey {
  /** Normalised login, known or not. */
  account: string;
  /** addressKey(request.ip). */
  address: string;
  /** SHA-256 of the device cookie the browser sent, if any. */
  deviceHash: string | undefined;
}

export type Reservation = SignInVerdict & {
  /** The device cookie named a browser this account has signed in from. */
  trustedDevice: boolean;
};

/** Old attempts deleted per reservation: more than one attempt adds, so the table shrinks. */
const PRUNE_BATCH = 200;

/**
 * Counts the attempt before the password is checked, atomically: advisory locks on the account and
 * the address serialise every reservation that shares either, across connections and processes, so
 * N parallel requests see each other's rows. The database's clock decides the windows, so several
 * processes agree. Returns the verdict; an allowed attempt is recorded (as a failure until
 * forgiven). Locks are taken in a fixed order (by id), so two reservations never deadlock.
 */
export async function reserveSignInAttempt(
  sql: Sql,
  key: AttemptKey,
  rules: SignInRules,
): Promise<Reservation> {
  const reservation = await sql.begin(async (tx) => {
    const locks = [lockId(`account:${key.account}`), lockId(`address:${key.address}`)].sort((a, b) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    for (const id of locks) await tx`SELECT pg_advisory_xact_lock(${id.toString()}::bigint)`;
    const trustedDevice = key.deviceHash !== undefined && (await isTrusted(tx as unknown as Sql, key));
    const recent = await recentAttempts(tx as unknown as Sql, key, rules, keysFor(trustedDevice));
    const verdict = signInVerdict(rules, recent.times, recent.now);
    if (verdict.allowed) {
      await tx`
        INSERT INTO sign_in_attempts (account, address, device_hash, attempted_at)
        VALUES (${key.account}, ${key.address}, ${trustedDevice ? (key.deviceHash as string) : null},
                statement_timestamp())`;
    }
    return { ...verdict, trustedDevice };
  });
  await pruneSignInAttempts(sql, longestWindowSeconds(rules));
  return reservation;
}

/**
 * A success forgives the attempts of its own account from its own address (and browser); the
 * account's attempts from elsewhere stay, and so do the address's attempts on other accounts: an
 * attacker signing in to an account of their own must not reset the count of their guesses.
 */
export async function forgiveSignInAttempts(sql: Sql, key: AttemptKey): Promise<void> {
  await sql`
    DELETE FROM sign_in_attempts
    WHERE account = ${key.account}
      AND (address = ${key.address} OR device_hash = ${key.deviceHash ?? null})`;
}

/** Deletes attempts older than any window, a batch at a time; rows another pruner holds are skipped. */
export async function pruneSignInAttempts(sql: Sql, olderThanSeconds: number): Promise<number> {
  const result = await sql`
    DELETE FROM sign_in_attempts
    WHERE id IN (
      SELECT id FROM sign_in_attempts
      WHERE attempted_at < statement_timestamp() - make_interval(secs => ${olderThanSeconds})
      ORDER BY attempted_at
      LIMIT ${PRUNE_BATCH}
      FOR UPDATE SKIP LOCKED)`;
  return result.count;
}

/** Remembers a browser the user has just signed in from; expired devices go at the same time. */
export async function trustDevice(sql: Sql, tokenHash: string, userId: number): Promise<void> {
  await sql`DELETE FROM sign_in_devices WHERE created_at <= now() - make_interval(days => ${DEVICE_TRUST_DAYS})`;
  await sql`
    INSERT INTO sign_in_devices (token_hash, user_id) VALUES (${tokenHash}, ${userId})
    ON CONFLICT (token_hash) DO NOTHING`;
}

async function isTrusted(sql: Sql, key: AttemptKey): Promise<boolean> {
  const rows = await sql`
    SELECT 1 FROM sign_in_devices d JOIN users u ON u.id = d.user_id
    WHERE d.token_hash = ${key.deviceHash as string} AND u.login = ${key.account}
      AND d.created_at > now() - make_interval(days => ${DEVICE_TRUST_DAYS})`;
  return rows.length > 0;
}

/** The newest attempts (epoch ms) under each key, as many as its rule can need, and the database's now. */
async function recentAttempts(sql: Sql, key: AttemptKey, rules: SignInRules, keys: LimitKey[]) {
  const window = (k: LimitKey) => rules[k].windowSeconds;
  const limit = (k: LimitKey) => rules[k].maxAttempts;
  const [row] = await sql<
    { now: number; pair: number[]; address: number[]; account: number[]; device: number[] }[]
  >`
    SELECT extract(epoch FROM statement_timestamp())::float8 * 1000 AS now,
      array(SELECT extract(epoch FROM attempted_at)::float8 * 1000 FROM sign_in_attempts
            WHERE account = ${key.account} AND address = ${key.address}
              AND attempted_at > statement_timestamp() - make_interval(secs => ${window('accountAndAddress')})
            ORDER BY attempted_at DESC LIMIT ${limit('accountAndAddress')}) AS pair,
      array(SELECT extract(epoch FROM attempted_at)::float8 * 1000 FROM sign_in_attempts
            WHERE address = ${key.address}
              AND attempted_at > statement_timestamp() - make_interval(secs => ${window('address')})
            ORDER BY attempted_at DESC LIMIT ${limit('address')}) AS address,
      array(SELECT extract(epoch FROM attempted_at)::float8 * 1000 FROM sign_in_attempts
            WHERE account = ${key.account}
              AND attempted_at > statement_timestamp() - make_interval(secs => ${window('account')})
            ORDER BY attempted_at DESC LIMIT ${limit('account')}) AS account,
      array(SELECT extract(epoch FROM attempted_at)::float8 * 1000 FROM sign_in_attempts
            WHERE device_hash = ${key.deviceHash ?? null} AND account = ${key.account}
              AND attempted_at > statement_timestamp() - make_interval(secs => ${window('device')})
            ORDER BY attempted_at DESC LIMIT ${limit('device')}) AS device`;
  const all = row as NonNullable<typeof row>;
  const byKey: Record<LimitKey, number[]> = {
    accountAndAddress: all.pair,
    address: all.address,
    account: all.account,
    device: all.device,
  };
  return { now: all.now, times: Object.fromEntries(keys.map((k) => [k, byKey[k]])) };
}

/** A 64-bit advisory lock id for a key, in this feature's own namespace. */
function lockId(key: string): bigint {
  return createHash('sha256').update(`heatmap-sign-in:${key}`).digest().readBigInt64BE(0);
}
