import type { Sql } from '../db/database';
import { getSetting, setSetting } from './settings-repository';

/**
 * Every table the commit-time flush keeps (migrations 0003-0022): the pre-aggregates the reads answer
 * from. A migration that adds one adds it here; a test fails while it is missing.
 */
export const PRE_AGGREGATE_TABLES = [
  'cell_month_rollup',
  'cell_year_rollup',
  'district_month_rollup',
  'cell_day_counts',
  'cell_month_source_status_rollup',
  'cell_year_source_status_rollup',
  'district_month_source_status_rollup',
  'cell_street_counts',
  'street_spellings',
  'cell_month_sketch',
  'cell_year_sketch',
  'district_month_sketch',
  'cell_day_source_status_counts',
  'cell_year_sketch_coarse',
  'cell_month_days',
  'cell_month_days_by_source',
  'cell_month_days_by_status',
  'cell_all_time_sketch',
  'cell_year_district_rollup',
  'district_day_rollup',
  'day_sketch',
  'month_facet_sketch',
  'year_facet_sketch',
  'cell_month_days_by_district',
] as const;

export type PreAggregateTable = (typeof PRE_AGGREGATE_TABLES)[number];

export type RelaidTable =
  | { table: PreAggregateTable; pagesBefore: number; pagesAfter: number; seconds: number }
  | { table: PreAggregateTable; busy: true };

export interface RelayOptions {
  /**
   * How long to wait for a table's lock. An import's commit-time flush holds each table it has written until
   * its commit ends (minutes for a million rows), and a rewrite waiting behind it would queue every read of
   * that table behind itself; so it gives up instead, and the table is reported busy.
   */
  lockTimeoutMs?: number;
  onTable?: (result: RelaidTable) => void;
}

const MAINTAINED_VERSION = 'maintained_data_version';

/**
 * Rewrites each pre-aggregate in the order of its primary key (CLUSTER) and analyses it. The flush
 * updates rows in place, so a table filled by imports keeps a dead version's worth of free space on
 * its pages and a key's rows spread over all of them: at 5M messages `/summary` unanswered scanned
 * 10,163 pages for rows that fit in 4,321 (docs/scale.md). Each table is one transaction holding an
 * exclusive lock for as long as its rewrite (seconds at 5M): its reads, and an import's commit-time flush into
 * it, wait meanwhile. It never holds one table while waiting for another, so it cannot deadlock with a flush.
 */
export async function relayPreAggregates(sql: Sql, options: RelayOptions = {}): Promise<RelaidTable[]> {
  const results: RelaidTable[] = [];
  for (const table of PRE_AGGREGATE_TABLES) {
    const result = await relayTable(sql, table, options.lockTimeoutMs ?? 2000);
    options.onTable?.(result);
    results.push(result);
  }
  return results;
}

async function relayTable(sql: Sql, table: PreAggregateTable, lockTimeoutMs: number): Promise<RelaidTable> {
  const started = performance.now();
  let sizes: { pagesBefore: number; pagesAfter: number };
  try {
    sizes = await sql.begin(async (tx) => {
      const t = tx as unknown as Sql;
      await t`SELECT set_config('lock_timeout', ${`${lockTimeoutMs}ms`}, true)`;
      await t`SELECT set_config('statement_timeout', '0', true)`;
      // The exclusive lock first, so lock_timeout bounds the only wait: a weaker lock taken before it (the
      // size below) would let two runs each hold one and deadlock on the upgrade.
      await t`LOCK TABLE ${t(table)} IN ACCESS EXCLUSIVE MODE`;
      const pagesBefore = await pages(t, table);
      const [key] = await t<{ name: string }[]>`
        SELECT i.relname AS name FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        WHERE x.indrelid = ${table}::regclass AND x.indisprimary`;
      if (!key) throw new Error(`pre-aggregate ${table} has no primary key to order by`);
      await t`CLUSTER ${t(table)} USING ${t(key.name)}`;
      return { pagesBefore, pagesAfter: await pages(t, table) };
    });
  } catch (error) {
    if ((error as { code?: string }).code === '55P03') return { table, busy: true };
    throw error;
  }
  // After the commit: ANALYZE blocks no read, so it need not lengthen the exclusive lock.
  await sql`ANALYZE ${sql(table)}`;
  return { table, ...sizes, seconds: (performance.now() - started) / 1000 };
}

async function pages(sql: Sql, table: PreAggregateTable): Promise<number> {
  const [row] = await sql<{ pages: number }[]>`
    SELECT (pg_relation_size(${table}::regclass) / current_setting('block_size')::int)::int AS pages`;
  return row?.pages ?? 0;
}

/** The data_version of the last complete re-layout, and the current one: equal when nothing changed since. */
export async function maintenanceVersions(sql: Sql): Promise<{ maintained?: string; current: string }> {
  const maintained = await getSetting(sql, MAINTAINED_VERSION);
  const current = (await getSetting(sql, 'data_version')) ?? '0';
  return maintained === undefined ? { current } : { maintained, current };
}

export async function recordMaintenance(sql: Sql, version: string): Promise<void> {
  await setSetting(sql, MAINTAINED_VERSION, version);
}
