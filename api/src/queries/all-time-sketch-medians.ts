import { middleBucketsMedian } from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Fragment } from './filter-sql';
import type { Medians } from './sketch-medians';

/** The resolution of cell_all_time_sketch (migration 0020): the one whose coarse year buckets were slow. */
export const ALL_TIME_SKETCH_RES = 8;

/**
 * Medians per cell over all time from the cumulative histograms of 0020: the buckets of the two middle
 * ranks ((total - 1) / 2 and total / 2, 0-based) by binary search in the database, one row per cell. The
 * same buckets, so the same medians, as geo sketchMedian over the cell's every bucket.
 */
export async function allTimeSketchMedians(sql: Sql, cells?: bigint[]): Promise<Map<bigint, Medians>> {
  const inCells = cells ? sql`AND r.cell = ANY(${cells.map(String)}::int8[])` : sql``;
  const rows = await sql<
    {
      key: bigint;
      answers: number;
      answer_low: number;
      answer_high: number;
      resolves: number;
      resolve_low: number;
      resolve_high: number;
    }[]
  >`
    SELECT r.cell AS key,
           ${middleBuckets(sql, sql`r.answers`, 'answer')},
           ${middleBuckets(sql, sql`r.resolves`, 'resolve')}
    FROM cell_all_time_sketch r
    WHERE r.res = ${ALL_TIME_SKETCH_RES} ${inCells}`;
  const median = (total: number, low: number, high: number) =>
    total > 0 ? middleBucketsMedian(low, high) : null;
  return new Map(
    rows.map((row) => [
      row.key,
      {
        median_answer_minutes: median(row.answers, row.answer_low, row.answer_high),
        median_resolve_minutes: median(row.resolves, row.resolve_low, row.resolve_high),
      },
    ]),
  );
}

/**
 * The total of cumulative counts and the buckets of its middle ranks: width_bucket counts the entries
 * at most the rank, so the next index (bucket + 2) is the first whose count passes it.
 */
function middleBuckets(sql: Sql, counts: Fragment, name: 'answer' | 'resolve'): Fragment {
  const total = sql`${counts}[cardinality(${counts})]`;
  return sql`
    ${total} AS ${sql(`${name}s`)},
    width_bucket((${total} - 1) / 2, ${counts}) - 1 AS ${sql(`${name}_low`)},
    width_bucket(${total} / 2, ${counts}) - 1 AS ${sql(`${name}_high`)}`;
}
