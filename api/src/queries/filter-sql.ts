import type { PendingQuery, Row } from 'postgres';
import type { Sql } from '../db/database';
import type { IdsOrNames, MessageFilter } from './message-filter';

export type Fragment = PendingQuery<Row[]>;

/** Conditions joined with AND; `true` when there are none. */
export function all(sql: Sql, conditions: Fragment[]): Fragment {
  if (conditions.length === 0) return sql`true`;
  return conditions.reduce((acc, c) => sql`${acc} AND ${c}`);
}

/** Filters that both the messages table and the rollup carry under the same column names. */
function dimensionConditions(sql: Sql, f: MessageFilter, prefix: 'm' | 'r'): Fragment[] {
  const col = (name: string) => sql(`${prefix}.${name}`);
  const conditions: Fragment[] = [];
  if (f.categories) conditions.push(sql`${col('category_id')} IN ${lookup(sql, 'categories', f.categories)}`);
  if (f.sources) conditions.push(sql`${col('source_id')} IN ${lookup(sql, 'sources', f.sources)}`);
  if (f.districts) conditions.push(sql`${col('district_id')} IN ${lookup(sql, 'districts', f.districts)}`);
  if (f.statuses) conditions.push(sql`${col('status')} = ANY(${f.statuses}::message_status[])`);
  if (f.scope) conditions.push(sql`${col('district_id')} = ANY(${f.scope.districtIds}::int[])`);
  return conditions;
}

function lookup(sql: Sql, table: 'categories' | 'sources' | 'districts', list: IdsOrNames): Fragment {
  return sql`(SELECT id FROM ${sql(table)} WHERE id = ANY(${list.ids}::int[]) OR name = ANY(${list.names}::text[]))`;
}

/** WHERE conditions on `messages m`. */
export function messageConditions(sql: Sql, f: MessageFilter): Fragment {
  const conditions = dimensionConditions(sql, f, 'm');
  if (f.from) conditions.push(sql`m.created_at >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) conditions.push(sql`m.created_at < ${f.to.toISOString()}::timestamptz`);
  if (f.bbox) {
    // && finds candidates by the index (its boxes are float4, rounded outward); lat/lon decide exactly.
    const { west, south, east, north } = f.bbox;
    conditions.push(sql`m.lat BETWEEN ${south} AND ${north}`);
    if (west <= east) {
      conditions.push(sql`m.geom && ST_MakeEnvelope(${west}, ${south}, ${east}, ${north}, 4326)`);
      conditions.push(sql`m.lon BETWEEN ${west} AND ${east}`);
    } else {
      conditions.push(sql`(m.geom && ST_MakeEnvelope(${west}, ${south}, 180, ${north}, 4326)
        OR m.geom && ST_MakeEnvelope(-180, ${south}, ${east}, ${north}, 4326))`);
      conditions.push(sql`(m.lon >= ${west} OR m.lon <= ${east})`);
    }
  }
  return all(sql, conditions);
}

/** WHERE conditions on `message_rollup r` for a day-aligned window; the caller adds `r.res`. */
export function rollupConditions(
  sql: Sql,
  f: MessageFilter,
  window: { fromDay?: string; toDay?: string },
): Fragment {
  const conditions = dimensionConditions(sql, f, 'r');
  if (window.fromDay) conditions.push(sql`r.day >= ${window.fromDay}::date`);
  if (window.toDay) conditions.push(sql`r.day < ${window.toDay}::date`);
  return all(sql, conditions);
}
