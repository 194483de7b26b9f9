import type { Sql } from '../db/database';

/** What a read replica says of itself: whether it is one, and how far its replay is behind. */
export interface ReplicaHealth {
  inRecovery: boolean;
  /** The WAL position replayed so far (`X/Y`); null on a server that is not a replica. */
  replayLsn: string | null;
  /**
   * Seconds since the last replayed commit, or 0 when everything received is replayed: an idle
   * primary sends nothing, and its replica is then current however old its last commit is.
   */
  lagSeconds: number;
}

export async function replicaHealth(sql: Sql): Promise<ReplicaHealth> {
  const [row] = await sql<{ in_recovery: boolean; replay_lsn: string | null; lag_seconds: number }[]>`
    SELECT pg_is_in_recovery() AS in_recovery,
      pg_last_wal_replay_lsn()::text AS replay_lsn,
      CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
        ELSE coalesce(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 0)
      END::float8 AS lag_seconds`;
  return {
    inRecovery: row?.in_recovery ?? false,
    replayLsn: row?.replay_lsn ?? null,
    lagSeconds: row?.lag_seconds ?? 0,
  };
}

/** The primary's current WAL position (`X/Y`): a replica's lag in bytes is measured from it. */
export async function primaryWalLsn(sql: Sql): Promise<string> {
  const [row] = await sql<{ lsn: string }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
  return row?.lsn ?? '0/0';
}
