import { ROLLUP_RESOLUTIONS } from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Metrics } from '../schemas/common';
import {
  all,
  type Fragment,
  filtersDistrict,
  filtersSourceOrStatus,
  messageConditions,
  monthConditions,
  periodConditions,
  rollupCategoryConditions,
  rollupDistrictConditions,
  rollupSourceStatusConditions,
  rollupTable,
} from './filter-sql';
import { cellCondition, type GroupBy, rawKey } from './group-by-sql';
import type { MessageFilter } from './message-filter';
import {
  type MetricsRow,
  rawCountsSql,
  rawMediansSql,
  rawSumsSql,
  rollupSumsSql,
  summedCountsSql,
  toMetrics,
} from './metrics-sql';
import {
  type CalendarSplit,
  dayParts,
  type Span,
  splitByCalendar,
  splitByMonth,
  splitByYear,
} from './month-split';
import { type Medians, sketchesServe, sketchMedians } from './sketch-medians';

export interface AggregateOptions {
  /**
   * Medians: from the histograms of 0014 where they hold the filter (within SKETCH_RELATIVE_ERROR),
   * else exact from the messages (every message in the window: the slow part).
   */
  medians: boolean;
  /** Exact medians from the messages even where the histograms could answer (one cell or district). */
  exact?: boolean;
  /** Keep only the `limit` groups with most messages. */
  limit?: number;
  /** Group 'cell' only: just these cells (bigint indexes at the group's resolution). */
  cells?: bigint[];
}

/** Group key (cell as bigint, district id with 0 for none, category id, 0 for all) with its metrics. */
export type AggregateRows = Map<bigint | number, Metrics>;

/**
 * Whether the month pre-aggregates hold the grouping and every filter: cells at res 5..8 with
 * categories, statuses and sources (cell_month_rollup, or cell_month_source_status_rollup with a status
 * or source filter); districts, categories or totals with those and districts and scope (district_month_*).
 * A bbox cutting cells reads messages.
 */
export function rollupServes(filter: MessageFilter, group: GroupBy): boolean {
  if (filter.bbox) return false;
  if (group.kind !== 'cell') return true;
  return (ROLLUP_RESOLUTIONS as readonly number[]).includes(group.res) && !filtersDistrict(filter);
}

/**
 * Whether cell_year_district_rollup (0020) answers the whole years of cells with a district filter or
 * scope: res 5..8 with categories, not statuses or sources. The rest of the window reads messages.
 */
function districtCellYearsServe(filter: MessageFilter, group: GroupBy): boolean {
  if (filter.bbox || group.kind !== 'cell' || !filtersDistrict(filter) || filtersSourceOrStatus(filter))
    return false;
  return (ROLLUP_RESOLUTIONS as readonly number[]).includes(group.res);
}

/**
 * Counts per group: the whole local years (cells) and months of the window from the pre-aggregates,
 * the partial months at its edges (and any window within one month) from the day pre-aggregates where
 * they hold the grouping and filter (edgeParts), else from messages, summed.
 */
export async function aggregate(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  group: GroupBy,
  options: AggregateOptions,
): Promise<AggregateRows> {
  const split = rollupServes(filter, group)
    ? calendarSplit(filter, group, timezone)
    : districtCellYearsServe(filter, group)
      ? splitByYear(filter, timezone)
      : null;
  const edges = split && edgeParts(sql, timezone, filter, group, split.edges, options.cells);
  const order = options.limit ? sql`ORDER BY count DESC, key LIMIT ${options.limit}` : sql``;
  const rows = new Map<bigint | number, Metrics>();
  if (!split || !edges || (!split.years && split.months.length === 0 && edges.raw)) {
    const medians = options.medians ? sql`, ${rawMediansSql(sql)}` : sql``;
    const result = await sql<(MetricsRow & { key: bigint | number })[]>`
      SELECT ${rawKey(sql, group)} AS key, ${rawCountsSql(sql)} ${medians}
      FROM messages m
      WHERE ${messageConditions(sql, filter)} AND ${cellCondition(sql, group, options.cells)}
      GROUP BY 1 ${order}`;
    for (const row of result) rows.set(row.key, toMetrics(row));
    return rows;
  }
  const parts = [
    ...(split.years ? [rollupPart(sql, filter, group, { years: split.years }, options.cells)] : []),
    ...split.months.map((months) => rollupPart(sql, filter, group, { months }, options.cells)),
    ...edges.parts,
  ];
  const counts = await sql<(MetricsRow & { key: bigint | number })[]>`
    SELECT key, ${summedCountsSql(sql)}
    FROM (${parts.reduce((acc, part) => sql`${acc} UNION ALL ${part}`)}) AS t
    GROUP BY key ${order}`;
  // No answered or resolved message in any group: no median to compute, and no read of messages (the
  // "unanswered only" view).
  const timed = counts.some((row) => row.answered > 0 || row.resolved > 0);
  let medians = new Map<bigint | number, Medians>();
  if (options.medians && timed) {
    medians =
      !options.exact && sketchesServe(filter, group)
        ? await sketchMedians(sql, timezone, filter, group, split, options.cells)
        : await mediansByKey(sql, filter, group, options.cells);
  }
  for (const row of counts) rows.set(row.key, toMetrics(row, medians.get(row.key) ?? {}));
  return rows;
}

/** Cells have a year pre-aggregate as well; districts, categories and totals sum months (few rows). */
function calendarSplit(filter: MessageFilter, group: GroupBy, timezone: string): CalendarSplit {
  if (group.kind === 'cell') return splitByCalendar(filter, timezone);
  const { months, edges } = splitByMonth(filter, timezone);
  return { years: null, months: months ? [months] : [], edges };
}

type Periods =
  | { years: { fromYear?: string; toYear?: string } }
  | { months: { fromMonth?: string; toMonth?: string } };

/**
 * The window's partial months: for districts, categories and totals their whole local days from
 * district_day_rollup (0018, which has no status or source), the rest from messages; `raw` when no
 * part comes from a pre-aggregate.
 */
function edgeParts(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  group: GroupBy,
  edges: Span[],
  cells?: bigint[],
): { parts: Fragment[]; raw: boolean } {
  if (group.kind === 'cell' || filtersSourceOrStatus(filter)) {
    return { parts: edges.map((edge) => rawPart(sql, filter, group, edge, cells)), raw: true };
  }
  const pieces = edges.map((edge) =>
    dayParts(
      edge,
      timezone,
      (days) => dayPart(sql, filter, group, days),
      (part) => rawPart(sql, filter, group, part, cells),
    ),
  );
  return { parts: pieces.flatMap((piece) => piece.parts), raw: pieces.every((piece) => !piece.fromDays) };
}

function rollupPart(
  sql: Sql,
  filter: MessageFilter,
  group: GroupBy,
  periods: Periods,
  cells?: bigint[],
): Fragment {
  const metrics = rollupSumsSql(sql);
  const conditions = [
    ...('years' in periods
      ? periodConditions(sql, 'year', periods.years.fromYear, periods.years.toYear)
      : monthConditions(sql, periods.months)),
    ...rollupCategoryConditions(sql, filter),
    ...rollupSourceStatusConditions(sql, filter),
  ];
  if (group.kind === 'cell') {
    conditions.push(sql`r.res = ${group.res}`);
    if (cells) conditions.push(sql`r.cell = ANY(${cells.map(String)}::int8[])`);
    // Whole years of a district filter or scope: a border cell's row per district (0020).
    if (filtersDistrict(filter)) {
      conditions.push(...rollupDistrictConditions(sql, filter));
      return sql`SELECT r.cell AS key, ${metrics} FROM cell_year_district_rollup r WHERE ${all(sql, conditions)} GROUP BY 1`;
    }
    const table = rollupTable(sql, 'years' in periods ? 'cell_year' : 'cell_month', filter);
    return sql`SELECT r.cell AS key, ${metrics} FROM ${table} r WHERE ${all(sql, conditions)} GROUP BY 1`;
  }
  conditions.push(...rollupDistrictConditions(sql, filter));
  return sql`SELECT ${districtTableKey(sql, group)} AS key, ${metrics} FROM ${rollupTable(sql, 'district_month', filter)} r WHERE ${all(sql, conditions)} GROUP BY 1`;
}

/** Whole local days of a partial month from district_day_rollup (0018): no status or source, no cells. */
function dayPart(
  sql: Sql,
  filter: MessageFilter,
  group: GroupBy,
  days: { fromDay?: string; toDay?: string },
): Fragment {
  const conditions = [
    ...periodConditions(sql, 'day', days.fromDay, days.toDay),
    ...rollupCategoryConditions(sql, filter),
    ...rollupDistrictConditions(sql, filter),
  ];
  return sql`SELECT ${districtTableKey(sql, group)} AS key, ${rollupSumsSql(sql)} FROM district_day_rollup r WHERE ${all(sql, conditions)} GROUP BY 1`;
}

/** The group's key in the district tables (district 0: outside every district). */
function districtTableKey(sql: Sql, group: GroupBy): Fragment {
  if (group.kind === 'district') return sql`r.district_id`;
  if (group.kind === 'category') return sql`r.category_id::int`;
  return sql`0`;
}

function rawPart(sql: Sql, filter: MessageFilter, group: GroupBy, edge: Span, cells?: bigint[]): Fragment {
  return sql`
    SELECT ${rawKey(sql, group)} AS key, ${rawSumsSql(sql)}
    FROM messages m
    WHERE ${messageConditions(sql, filter, edge)} AND ${cellCondition(sql, group, cells)}
    GROUP BY 1`;
}

async function mediansByKey(
  sql: Sql,
  filter: MessageFilter,
  group: GroupBy,
  cells?: bigint[],
): Promise<Map<bigint | number, Medians>> {
  const rows = await sql<(Medians & { key: bigint | number })[]>`
    SELECT ${rawKey(sql, group)} AS key, ${rawMediansSql(sql)}
    FROM messages m
    WHERE ${messageConditions(sql, filter)} AND ${cellCondition(sql, group, cells)}
      AND (m.answered_at IS NOT NULL OR m.resolved_at IS NOT NULL)
    GROUP BY 1`;
  return new Map(rows.map((row) => [row.key, row]));
}
