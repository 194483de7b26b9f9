import { middleBucketsMedian, type Resolution } from '@heatmap/geo';
import type { Sql } from '../db/database';
import { all, periodConditions } from './filter-sql';
import type { Medians } from './sketch-medians';

/** Buckets of 0014 per coarse bucket of cell_year_sketch_coarse (0017: coarse = bucket >> 4). */
const COARSE_WIDTH = 16;

/**
 * Medians per cell over whole local years, found in the database in two steps (migration 0017): per cell
 * and time (answer, resolution), the coarse buckets that hold the two middle ranks, from the coarse rows;
 * then the fine buckets within those coarse buckets only, counted on from the ranks before them. One row
 * per cell and time comes back, not its histogram: res-8 cells over all time at 5M merged 327,910 bucket
 * rows in TypeScript; here ~28,000 coarse rows and ~52,000 fine ones in SQL. The same median as geo
 * sketchMedian over every bucket: the middle ranks fall in the same buckets.
 */
export async function yearSketchMedians(
  sql: Sql,
  res: Resolution,
  years: { fromYear?: string; toYear?: string },
  cells?: bigint[],
): Promise<Map<bigint, Medians>> {
  const conditions = [sql`r.res = ${res}`, ...periodConditions(sql, 'year', years.fromYear, years.toYear)];
  if (cells) conditions.push(sql`r.cell = ANY(${cells.map(String)}::int8[])`);
  // m: 0 answers, 1 resolutions. A coarse bucket is a target when the ranks before it are at most the high
  // middle rank and the ranks up to its end pass the low one (total / 2 and (total - 1) / 2, rounded down).
  // Fine rows: one index range per target and year (the years as an array: a range of years would scan
  // every cell of each).
  const rows = await sql<{ key: bigint; m: number; low: number; high: number }[]>`
    WITH coarse AS (
      SELECT r.year, r.cell, r.coarse, r.answers, r.resolves
      FROM cell_year_sketch_coarse r WHERE ${all(sql, conditions)}
    ), merged AS (
      SELECT cell, coarse, sum(answers)::int AS a, sum(resolves)::int AS r FROM coarse GROUP BY 1, 2
    ), ranked AS (
      SELECT cell, coarse, a, r,
             sum(a) OVER upto - a AS a_before, sum(a) OVER per_cell AS a_total,
             sum(r) OVER upto - r AS r_before, sum(r) OVER per_cell AS r_total
      FROM merged
      WINDOW per_cell AS (PARTITION BY cell), upto AS (per_cell ORDER BY coarse ROWS UNBOUNDED PRECEDING)
    ), targets AS (
      SELECT cell, 0 AS m, coarse, a_before AS before, (a_total - 1) / 2 AS low_rank, a_total / 2 AS high_rank
      FROM ranked WHERE a > 0 AND a_before <= a_total / 2 AND a_before + a > (a_total - 1) / 2
      UNION ALL
      SELECT cell, 1, coarse, r_before, (r_total - 1) / 2, r_total / 2
      FROM ranked WHERE r > 0 AND r_before <= r_total / 2 AND r_before + r > (r_total - 1) / 2
    ), fine AS (
      SELECT t.cell, t.m, t.before, t.low_rank, t.high_rank, f.bucket,
             CASE WHEN t.m = 0 THEN f.answers ELSE f.resolves END AS n
      FROM targets t
      JOIN cell_year_sketch f
        ON f.res = ${res} AND f.year = ANY(ARRAY(SELECT DISTINCT year FROM coarse)) AND f.cell = t.cell
       AND f.bucket >= t.coarse * ${COARSE_WIDTH} AND f.bucket < (t.coarse + 1) * ${COARSE_WIDTH}
    ), seen AS (
      -- RANGE: a bucket's rows of several years are peers, each seeing the sum through all of them.
      SELECT cell, m, bucket, low_rank, high_rank,
             before + sum(n) OVER (PARTITION BY cell, m, before ORDER BY bucket RANGE UNBOUNDED PRECEDING) AS seen
      FROM fine
    )
    SELECT cell AS key, m, min(bucket) FILTER (WHERE seen > low_rank)::int AS low,
           min(bucket) FILTER (WHERE seen > high_rank)::int AS high
    FROM seen GROUP BY 1, 2`;
  const medians = new Map<bigint, Medians>();
  for (const row of rows) {
    const medianOf = medians.get(row.key) ?? { median_answer_minutes: null, median_resolve_minutes: null };
    const median = middleBucketsMedian(row.low, row.high);
    if (row.m === 0) medianOf.median_answer_minutes = median;
    else medianOf.median_resolve_minutes = median;
    medians.set(row.key, medianOf);
  }
  return medians;
}
