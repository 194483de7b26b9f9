import { type Resolution, ROLLUP_RESOLUTIONS } from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Metrics } from '../schemas/common';
import { type Fragment, messageConditions, rollupConditions } from './filter-sql';
import { dayWindow, type MessageFilter } from './message-filter';
import { type MetricsRow, rawCountsSql, rawMediansSql, rollupCountsSql, toMetrics } from './metrics-sql';

/** What to group messages by: an H3 cell at a resolution, the district, the category, or nothing. */
export type GroupBy =
  | { kind: 'cell'; res: Resolution }
  | { kind: 'district' }
  | { kind: 'category' }
  | { kind: 'all' };

export interface AggregateOptions {
  /** Exact medians from the messages table (one more query on the rollup path). */
  medians: boolean;
  /** Keep only the `limit` groups with most messages. */
  limit?: number;
}

/** Group key (cell as bigint, district id with 0 for none, category id, 0 for all) with its metrics. */
export type AggregateRows = Map<bigint | number, Metrics>;

/**
 * The rollup answers counts exactly when it holds the grouping (cells up to res 8; res 5 rows
 * stand for each message once otherwise), the window is whole local days, and no bbox cuts cells.
 */
export function rollupWindow(filter: MessageFilter, group: GroupBy, timezone: string) {
  if (filter.bbox) return null;
  if (group.kind === 'cell' && !(ROLLUP_RESOLUTIONS as readonly number[]).includes(group.res)) return null;
  return dayWindow(filter, timezone);
}

export async function aggregate(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  group: GroupBy,
  options: AggregateOptions,
): Promise<AggregateRows> {
  const window = rollupWindow(filter, group, timezone);
  const order = options.limit ? sql`ORDER BY count DESC, key LIMIT ${options.limit}` : sql``;
  const rows = new Map<bigint | number, Metrics>();
  if (window) {
    const res = group.kind === 'cell' ? group.res : 5;
    const counts = await sql<(MetricsRow & { key: bigint | number })[]>`
      SELECT ${rollupKey(sql, group)} AS key, ${rollupCountsSql(sql)}
      FROM message_rollup r
      WHERE r.res = ${res} AND ${rollupConditions(sql, filter, window)}
      GROUP BY 1 ${order}`;
    const medians = options.medians ? await mediansByKey(sql, filter, group) : new Map();
    for (const row of counts) rows.set(row.key, toMetrics(row, medians.get(row.key) ?? {}));
    return rows;
  }
  const medians = options.medians ? sql`, ${rawMediansSql(sql)}` : sql``;
  const result = await sql<(MetricsRow & { key: bigint | number })[]>`
    SELECT ${rawKey(sql, group)} AS key, ${rawCountsSql(sql)} ${medians}
    FROM messages m
    WHERE ${messageConditions(sql, filter)}
    GROUP BY 1 ${order}`;
  for (const row of result) rows.set(row.key, toMetrics(row));
  return rows;
}

async function mediansByKey(sql: Sql, filter: MessageFilter, group: GroupBy) {
  const rows = await sql<(MetricsRow & { key: bigint | number })[]>`
    SELECT ${rawKey(sql, group)} AS key, ${rawMediansSql(sql)}
    FROM messages m
    WHERE ${messageConditions(sql, filter)} AND (m.answered_at IS NOT NULL OR m.resolved_at IS NOT NULL)
    GROUP BY 1`;
  return new Map(rows.map((row) => [row.key, row]));
}

function rawKey(sql: Sql, group: GroupBy): Fragment {
  switch (group.kind) {
    case 'cell':
      return sql`${sql(`m.h3_${group.res}`)}`;
    case 'district':
      return sql`coalesce(m.district_id, 0)`;
    case 'category':
      return sql`m.category_id::int`;
    case 'all':
      return sql`0`;
  }
}

function rollupKey(sql: Sql, group: GroupBy): Fragment {
  switch (group.kind) {
    case 'cell':
      return sql`r.cell`;
    case 'district':
      return sql`r.district_id`;
    case 'category':
      return sql`r.category_id::int`;
    case 'all':
      return sql`0`;
  }
}
