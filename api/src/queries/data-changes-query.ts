import type { Sql } from '../db/database';
import { getSetting } from '../repositories/settings-repository';

/** One data_version bump: the (local day, district) pairs it changed; null for a district write. */
export interface DataChange {
  version: bigint;
  /** Pair i is (days[i], districtIds[i]); district 0 is outside every district. */
  days: string[] | null;
  districtIds: number[] | null;
}

/** The data_version read, the changes after the asked version up to it, and whether none is missing. */
export interface ChangeBatch {
  /** The version the changes follow. */
  since: bigint;
  version: bigint;
  changes: DataChange[];
  complete: boolean;
}

/** The current data_version and every recorded change after `since`, in version order, one snapshot. */
export async function changesSince(sql: Sql, since: bigint): Promise<ChangeBatch> {
  return sql.begin('ISOLATION LEVEL REPEATABLE READ READ ONLY', async (tx) => {
    const [current] = await tx<{ value: string }[]>`
      SELECT value FROM app_settings WHERE key = 'data_version'`;
    const version = BigInt(current?.value ?? '0');
    if (version <= since) return { since, version, changes: [], complete: true };
    const rows = await tx<{ version: string; days: string[] | null; districts: number[] | null }[]>`
      SELECT version::text, local_days::text[] AS days, district_ids AS districts
      FROM data_changes WHERE version > ${since.toString()}::bigint AND version <= ${version.toString()}::bigint
      ORDER BY version`;
    const changes = rows.map((r) => ({ version: BigInt(r.version), days: r.days, districtIds: r.districts }));
    // Versions are contiguous: a missing one was pruned (older than the kept week) or made before
    // changes were recorded, and then what it changed is unknown.
    const complete = BigInt(rows.length) === version - since;
    return { since, version, changes, complete };
  }) as Promise<ChangeBatch>;
}

/** The current data_version alone: the feed's cheap check while nothing changes. */
export async function currentDataVersion(sql: Sql): Promise<bigint> {
  return BigInt((await getSetting(sql, 'data_version')) ?? '0');
}
