import { sketchMedian } from '@heatmap/geo';
import type { Sql } from '../db/database';
import { ALL_TIME_SKETCH_RES, allTimeSketchMedians } from './all-time-sketch-medians';
import {
  all,
  type Fragment,
  facetKeyConditions,
  filtersDistrict,
  filtersFacets,
  messageConditions,
  monthConditions,
  periodConditions,
  rollupDistrictConditions,
} from './filter-sql';
import { cellCondition, type GroupBy, rawKey } from './group-by-sql';
import type { MessageFilter } from './message-filter';
import { type CalendarSplit, dayParts, type Span, splitByCalendar } from './month-split';
import { yearSketchMedians } from './year-sketch-medians';

/**
 * Whether histograms hold the filter: those of 0014 are keyed by cell or district and period only (keyed also
 * by category, source and status they would be larger than the messages: see 0014); the facet histograms (0021,
 * by month and by year) hold category, source and status for the whole database, no district. A cell's
 * histograms hold every district's times, so cells with a district filter or scope have none.
 */
export function sketchesServe(filter: MessageFilter, group: GroupBy): boolean {
  if (filtersFacets(filter)) return group.kind === 'all' && !filtersDistrict(filter);
  if (group.kind === 'cell' && filtersDistrict(filter)) return false;
  return group.kind !== 'category';
}

export interface Medians {
  median_answer_minutes: number | null;
  median_resolve_minutes: number | null;
}

/**
 * Medians per group from the histograms, within SKETCH_RELATIVE_ERROR of the exact ones (geo sketchMedian).
 * Res-8 cells over all time: from cumulative counts (allTimeSketchMedians). Cells over whole years alone:
 * found in SQL from coarse buckets (yearSketchMedians). Otherwise the
 * window's whole years and months from the sketch pre-aggregates, its partial months from messages
 * bucketed the same way (minutes_bucket), sent as arrays per group, so a map of 1,000 cells is 1,000 rows,
 * not one a bucket.
 */
export async function sketchMedians(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  group: GroupBy,
  calendar: CalendarSplit,
  cells?: bigint[],
): Promise<Map<bigint | number, Medians>> {
  // The facet histograms have a year table too (0021): whole years from there, not twelve months each.
  const split = filtersFacets(filter) ? splitByCalendar(filter, timezone) : calendar;
  if (group.kind === 'cell' && split.years && split.months.length === 0 && split.edges.length === 0) {
    const allTime = !split.years.fromYear && !split.years.toYear;
    if (allTime && group.res === ALL_TIME_SKETCH_RES) return allTimeSketchMedians(sql, cells);
    return yearSketchMedians(sql, group.res, split.years, cells);
  }
  const parts = [
    ...(split.years
      ? [
          sketchPart(
            sql,
            filter,
            group,
            'year',
            periodConditions(sql, 'year', split.years.fromYear, split.years.toYear),
            cells,
          ),
        ]
      : []),
    ...split.months.map((months) =>
      sketchPart(sql, filter, group, 'month', monthConditions(sql, months), cells),
    ),
    ...edgeParts(sql, timezone, filter, group, split.edges, cells),
  ];
  // Parts may repeat a bucket (two years, a year and its edge): sketchMedian adds them up. For cells that is
  // cheaper in TypeScript than a GROUP BY (key, bucket) here (223 -> 82 ms for res-8 cells over all time at
  // 100k); districts and totals repeat each bucket once a month, so summing here sends far fewer (all time at
  // 5M: 123,000 district month buckets become 6,000; the SQL alone 46 -> 24 ms).
  const union = parts.reduce((acc, part) => sql`${acc} UNION ALL ${part}`);
  const buckets =
    group.kind === 'cell'
      ? union
      : sql`SELECT key, bucket, sum(answers)::int AS answers, sum(resolves)::int AS resolves
          FROM (${union}) AS u GROUP BY 1, 2`;
  const rows = await sql<
    { key: bigint | number; buckets: number[]; answers: number[]; resolves: number[] }[]
  >`
    SELECT key, array_agg(bucket) AS buckets, array_agg(answers) AS answers, array_agg(resolves) AS resolves
    FROM (${buckets}) AS t
    GROUP BY key`;
  const medians = new Map<bigint | number, Medians>();
  for (const row of rows) {
    const answers = row.buckets.map((bucket, i) => [bucket, row.answers[i] as number] as const);
    const resolves = row.buckets.map((bucket, i) => [bucket, row.resolves[i] as number] as const);
    medians.set(row.key, {
      median_answer_minutes: sketchMedian(answers),
      median_resolve_minutes: sketchMedian(resolves),
    });
  }
  return medians;
}

function sketchPart(
  sql: Sql,
  filter: MessageFilter,
  group: GroupBy,
  grain: 'year' | 'month',
  periods: Fragment[],
  cells?: bigint[],
): Fragment {
  const columns = sql`r.bucket, r.answers, r.resolves`;
  if (group.kind === 'cell') {
    const conditions = [...periods, sql`r.res = ${group.res}`];
    if (cells) conditions.push(sql`r.cell = ANY(${cells.map(String)}::int8[])`);
    return sql`SELECT r.cell AS key, ${columns} FROM ${sql(`cell_${grain}_sketch`)} r WHERE ${all(sql, conditions)}`;
  }
  if (filtersFacets(filter)) {
    const conditions = [...periods, ...facetKeyConditions(sql, filter)];
    return sql`SELECT 0 AS key, ${columns} FROM ${sql(`${grain}_facet_sketch`)} r WHERE ${all(sql, conditions)}`;
  }
  const key = group.kind === 'district' ? sql`r.district_id` : sql`0`;
  const conditions = [...periods, ...rollupDistrictConditions(sql, filter)];
  return sql`SELECT ${key} AS key, ${columns} FROM district_month_sketch r WHERE ${all(sql, conditions)}`;
}

/**
 * The window's partial months: for the whole database (no district, category, source or status), their whole
 * local days from day_sketch (0018), the rest from messages.
 */
function edgeParts(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  group: GroupBy,
  edges: Span[],
  cells?: bigint[],
): Fragment[] {
  if (group.kind !== 'all' || filtersDistrict(filter) || filtersFacets(filter)) {
    return edges.map((edge) => rawPart(sql, filter, group, edge, cells));
  }
  return edges.flatMap(
    (edge) =>
      dayParts(
        edge,
        timezone,
        (days) =>
          sql`SELECT 0 AS key, r.bucket, r.answers, r.resolves FROM day_sketch r
            WHERE ${all(sql, periodConditions(sql, 'day', days.fromDay, days.toDay))}`,
        (part) => rawPart(sql, filter, group, part, cells),
      ).parts,
  );
}

/**
 * A partial month from messages, each time in its bucket as the flush (0014) puts it, counted per bucket:
 * a region's half month is 100,000s of times in a few hundred buckets. Two grouped scans, not one scan
 * with a LATERAL pair a message: 261 -> 74 ms for half a month at 5M (one array of every time per key made
 * /summary's window with raw edges take 1.2 s).
 */
function rawPart(sql: Sql, filter: MessageFilter, group: GroupBy, edge: Span, cells?: bigint[]): Fragment {
  const where = sql`${messageConditions(sql, filter, edge)} AND ${cellCondition(sql, group, cells)}`;
  const bucket = (at: Fragment) =>
    sql`minutes_bucket(floor(date_part('epoch', ${at} - m.created_at) / 60)::int)`;
  return sql`
    SELECT ${rawKey(sql, group)} AS key, ${bucket(sql`m.answered_at`)} AS bucket, count(*)::int AS answers, 0 AS resolves
    FROM messages m WHERE ${where} AND m.answered_at IS NOT NULL GROUP BY 1, 2
    UNION ALL
    SELECT ${rawKey(sql, group)}, ${bucket(sql`m.resolved_at`)}, 0, count(*)::int
    FROM messages m WHERE ${where} AND m.resolved_at IS NOT NULL GROUP BY 1, 2`;
}
