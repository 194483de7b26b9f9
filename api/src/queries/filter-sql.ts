import { MESSAGE_STATUSES } from '@heatmap/geo';
import type { PendingQuery, Row } from 'postgres';
import type { Sql } from '../db/database';
import type { IdsOrNames, MessageFilter } from './message-filter';

export type Fragment = PendingQuery<Row[]>;

/** Conditions joined with AND; `true` when there are none. */
export function all(sql: Sql, conditions: Fragment[]): Fragment {
  if (conditions.length === 0) return sql`true`;
  return conditions.reduce((acc, c) => sql`${acc} AND ${c}`);
}

/**
 * `column` among the rows of `table` that `list` names. Ids alone (names resolved first: resolveFilterNames) are a
 * constant array, so the planner sees the values: in its row estimates, and as a key of the index it descends (the
 * facet tables are keyed by status, source and category), where a lookup in the same statement is a join.
 */
function idIn(
  sql: Sql,
  column: string,
  table: 'categories' | 'sources' | 'districts',
  list: IdsOrNames,
): Fragment {
  if (list.names.length === 0) return sql`${sql(column)} = ANY(${list.ids}::int[])`;
  return sql`${sql(column)} IN (SELECT id FROM ${sql(table)} WHERE id = ANY(${list.ids}::int[]) OR name = ANY(${list.names}::text[]))`;
}

/** WHERE conditions on `messages m`; `window` overrides the filter's from/to. */
export function messageConditions(
  sql: Sql,
  f: MessageFilter,
  window: { from?: Date; to?: Date } = f,
): Fragment {
  const conditions: Fragment[] = [];
  if (f.categories) conditions.push(idIn(sql, 'm.category_id', 'categories', f.categories));
  if (f.sources) conditions.push(idIn(sql, 'm.source_id', 'sources', f.sources));
  if (f.districts) conditions.push(idIn(sql, 'm.district_id', 'districts', f.districts));
  if (f.statuses) conditions.push(sql`m.status = ANY(${statusArray(sql, f.statuses)})`);
  if (f.scope) conditions.push(sql`m.district_id = ANY(${f.scope.districtIds}::int[])`);
  if (window.from) conditions.push(sql`m.created_at >= ${window.from.toISOString()}::timestamptz`);
  if (window.to) conditions.push(sql`m.created_at < ${window.to.toISOString()}::timestamptz`);
  if (f.bbox) {
    // Plain comparisons: a bbox narrows reads that another index (time, cell, district) already
    // bounds, so messages carry no spatial index (it cost ingest and served no plan).
    const { west, south, east, north } = f.bbox;
    conditions.push(sql`m.lat BETWEEN ${south} AND ${north}`);
    if (west <= east) conditions.push(sql`m.lon BETWEEN ${west} AND ${east}`);
    else conditions.push(sql`(m.lon >= ${west} OR m.lon <= ${east})`);
  }
  return all(sql, conditions);
}

/** Whole months [fromMonth, toMonth) of a month pre-aggregate `r`. */
export function monthConditions(sql: Sql, months: { fromMonth?: string; toMonth?: string }): Fragment[] {
  return periodConditions(sql, 'month', months.fromMonth, months.toMonth);
}

/** Whole periods [from, to) (first days as dates) of a pre-aggregate `r` keyed by `column`. */
export function periodConditions(
  sql: Sql,
  column: 'day' | 'month' | 'year',
  from?: string,
  to?: string,
): Fragment[] {
  const conditions: Fragment[] = [];
  if (from) conditions.push(sql`${sql(`r.${column}`)} >= ${from}::date`);
  if (to) conditions.push(sql`${sql(`r.${column}`)} < ${to}::date`);
  return conditions;
}

/** The category filter on a pre-aggregate `r` (every pre-aggregate with metrics has category_id). */
export function rollupCategoryConditions(sql: Sql, f: MessageFilter): Fragment[] {
  return f.categories ? [idIn(sql, 'r.category_id', 'categories', f.categories)] : [];
}

/** Whether the filter narrows to districts (a district filter or a municipal scope). */
export function filtersDistrict(f: MessageFilter): boolean {
  return Boolean(f.districts || f.scope);
}

/** Whether the filter needs the pre-aggregates keyed also by status and source (migration 0012). */
export function filtersSourceOrStatus(f: MessageFilter): boolean {
  return Boolean(f.sources || f.statuses);
}

/**
 * Status and source filters on a pre-aggregate `r` keyed by them (the *_source_status_rollup tables, keys
 * led by status and source: 0012); none without either (such a filter reads the narrow tables). Both
 * are always named, every status or source when the filter has none: the index then descends once per
 * (status, source) pair to its range of periods, where a filter on one source alone would read every
 * source's rows under each status. Every source, when the filter names none, as a join rather than an array
 * from a subquery, so the planner knows how many rows they select.
 */
export function rollupSourceStatusConditions(sql: Sql, f: MessageFilter): Fragment[] {
  if (!filtersSourceOrStatus(f)) return [];
  return [sql`r.status = ANY(${statusArray(sql, f.statuses ?? MESSAGE_STATUSES)})`, sourceCondition(sql, f)];
}

/** The sources a filter names on a table `r` keyed by source, or every source as a join when it names none. */
function sourceCondition(sql: Sql, f: MessageFilter): Fragment {
  return f.sources
    ? idIn(sql, 'r.source_id', 'sources', f.sources)
    : sql`r.source_id IN (SELECT id FROM sources)`;
}

/** Whether the filter needs a table keyed by category, status and source (facetKeyConditions). */
export function filtersFacets(f: MessageFilter): boolean {
  return Boolean(f.categories) || filtersSourceOrStatus(f);
}

/**
 * Category, status and source filters on a table `r` keyed by status, source and category in that order
 * (cell_day_source_status_counts: 0014; month_facet_sketch: 0021): every status and source named even for a
 * category filter alone, so the index descends once per pair.
 */
export function facetKeyConditions(sql: Sql, f: MessageFilter): Fragment[] {
  return [
    ...rollupSourceStatusConditions(sql, { ...f, statuses: f.statuses ?? [...MESSAGE_STATUSES] }),
    ...rollupCategoryConditions(sql, f),
  ];
}

/**
 * A filter on a table of month rows of days by source, status or district (`r`, 0019, 0022): the sources (every
 * one for a category alone), statuses or districts it names, and its categories, or category 0 (every category)
 * without.
 */
export function monthDaysFacetConditions(
  sql: Sql,
  f: MessageFilter,
  facet: 'source' | 'status' | 'district',
): Fragment[] {
  const facetConditions =
    facet === 'district'
      ? rollupDistrictConditions(sql, f)
      : facet === 'status'
        ? [sql`r.status = ANY(${statusArray(sql, f.statuses ?? MESSAGE_STATUSES)})`]
        : [sourceCondition(sql, f)];
  const categoryCondition = f.categories
    ? idIn(sql, 'r.category_id', 'categories', f.categories)
    : sql`r.category_id = 0`;
  return [...facetConditions, categoryCondition];
}

/**
 * ARRAY[$1::message_status, …], one parameter a status: the planner sees the values (a cast of a whole
 * text[] is not folded, so it guessed), and no message_status[] parameter is sent (postgres.js learns
 * array types when a connection opens: one opened before the migrations created the enum sent a
 * malformed array).
 */
function statusArray(sql: Sql, statuses: readonly string[]): Fragment {
  const items = statuses.map((status) => sql`${status}::message_status`);
  return sql`ARRAY[${items.reduce((acc, item) => sql`${acc}, ${item}`)}]`;
}

/**
 * The pre-aggregate that holds a filter: the narrow one (keyed by category) unless the filter names
 * statuses or sources, which only the *_source_status_rollup tables hold. Unfiltered reads keep the
 * narrow tables: up to 20 (status, source) rows there for each narrow row.
 */
export function rollupTable(
  sql: Sql,
  base: 'cell_month' | 'cell_year' | 'district_month',
  f: MessageFilter,
): Fragment {
  return sql`${sql(filtersSourceOrStatus(f) ? `${base}_source_status_rollup` : `${base}_rollup`)}`;
}

/** District and scope filters on district_month_rollup `r` (district 0: outside every district). */
export function rollupDistrictConditions(sql: Sql, f: MessageFilter): Fragment[] {
  const conditions: Fragment[] = [];
  if (f.districts) conditions.push(idIn(sql, 'r.district_id', 'districts', f.districts));
  if (f.scope) conditions.push(sql`r.district_id = ANY(${f.scope.districtIds}::int[])`);
  return conditions;
}
