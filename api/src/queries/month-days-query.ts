import { cellsInBbox, localDate, type Resolution } from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Bucket } from '../schemas/timeline';
import { DAY_COUNT_RESOLUTIONS } from './day-counts-sql';
import { all, filtersDistrict, filtersSourceOrStatus, monthDaysFacetConditions } from './filter-sql';
import { dayWindow, type MessageFilter } from './message-filter';

/** The key each table of month rows of days has beside the category (0019, 0022). */
const FACETS = {
  cell_month_days_by_source: 'source',
  cell_month_days_by_status: 'status',
  cell_month_days_by_district: 'district',
} as const;

/** Per-cell counts per bucket in compressed sparse rows (cell i: entries offsets[i] .. offsets[i+1]-1). */
export interface CellBuckets {
  cells: bigint[];
  offsets: number[];
  buckets: number[];
  counts: number[];
}

/** Month rows of days that answer a timeline, the window's local days [fromDay, toDay), and a bbox's cells. */
export interface MonthDaysRead {
  table:
    | 'cell_month_days'
    | 'cell_month_days_by_source'
    | 'cell_month_days_by_status'
    | 'cell_month_days_by_district';
  fromDay: string;
  toDay: string;
  cells?: bigint[];
}

/**
 * Where month rows of days answer: day and week buckets at res 7 or 8 between local midnights, from
 * cell_month_days without filters (0017), by source with sources or a category alone, by status with
 * statuses (0019), by district with a district filter or scope (0022); a bbox selects the cells overlapping it,
 * as on /hexagons. Not with a bbox of too many cells, both a source and a status, or a district with either (no
 * table has both keys: the day counts of 0014 or the messages answer those).
 */
export function monthDaysRead(
  filter: MessageFilter,
  res: Resolution,
  bucket: Bucket,
  timezone: string,
): MonthDaysRead | null {
  if (!DAY_COUNT_RESOLUTIONS.includes(res) || (bucket !== 'day' && bucket !== 'week')) return null;
  const byDistrict = filtersDistrict(filter);
  if ((filter.sources && filter.statuses) || (byDistrict && filtersSourceOrStatus(filter))) return null;
  const days = dayWindow(filter, timezone);
  if (!days?.fromDay || !days.toDay) return null;
  const cells = filter.bbox ? cellsInBbox(filter.bbox, res) : undefined;
  if (cells === null) return null;
  const table = byDistrict
    ? 'cell_month_days_by_district'
    : filter.statuses
      ? 'cell_month_days_by_status'
      : filter.sources || filter.categories
        ? 'cell_month_days_by_source'
        : 'cell_month_days';
  return { table, fromDay: days.fromDay, toDay: days.toDay, ...(cells ? { cells } : {}) };
}

/**
 * Messages per cell and bucket from month rows of days (a year of res-8 cells at 5M: ~10,000 rows, where the
 * day counts hold ~280,000, or ~690,000 for one source), the rows of one cell (its months, and its statuses,
 * sources or categories when the filter names several) added up here. `edges` are the buckets' local
 * midnights, from read.fromDay to read.toDay; cells in key order.
 */
export async function cellBucketsFromMonths(
  sql: Sql,
  filter: MessageFilter,
  res: Resolution,
  read: MonthDaysRead,
  edges: Date[],
  timezone: string,
): Promise<CellBuckets> {
  const conditions =
    read.table === 'cell_month_days' ? [] : monthDaysFacetConditions(sql, filter, FACETS[read.table]);
  if (read.cells) conditions.push(sql`r.cell = ANY(${read.cells.map(String)}::int8[])`);
  // days as text, read here digit by digit: postgres.js parses an int[] element by element, and one JSON.parse
  // of all rows' arrays spent most of its time joining them (10,000 rows: 18 ms).
  const rows = await sql<{ cell: bigint; offset: number; days: string }[]>`
    SELECT r.cell, r.month - ${read.fromDay}::date AS offset, r.days::text AS days
    FROM ${sql(read.table)} r
    WHERE r.res = ${res} AND ${all(sql, conditions)}
      AND r.month >= date_trunc('month', ${read.fromDay}::date)::date AND r.month < ${read.toDay}::date
    ORDER BY r.cell, r.month`;
  const bucketOf = dayBuckets(read.fromDay, edges, timezone);
  // One cell's sums per bucket, and the range of buckets it touched: emptied when the cell is done.
  const sums = new Array<number>(edges.length - 1).fill(0);
  let low = sums.length;
  let high = -1;
  const out: CellBuckets = { cells: [], offsets: [0], buckets: [], counts: [] };
  const closeCell = () => {
    for (let b = low; b <= high; b++) {
      if (sums[b] !== 0) {
        out.buckets.push(b);
        out.counts.push(sums[b] as number);
        sums[b] = 0;
      }
    }
    if (out.buckets.length > (out.offsets[out.offsets.length - 1] as number))
      out.offsets.push(out.buckets.length);
    else out.cells.pop();
    low = sums.length;
    high = -1;
  };
  for (const row of rows) {
    if (out.cells[out.cells.length - 1] !== row.cell) {
      if (out.cells.length > 0) closeCell();
      out.cells.push(row.cell);
    }
    // "{n1,n2,…,n31}": the day of month i + 1 is day row.offset + i of the window.
    let day = row.offset;
    let n = 0;
    for (let c = 1; c < row.days.length; c++) {
      const code = row.days.charCodeAt(c);
      if (code >= 48 && code <= 57) {
        n = n * 10 + code - 48;
        continue;
      }
      if (n !== 0 && day >= 0 && day < bucketOf.length) {
        const b = bucketOf[day] as number;
        sums[b] = (sums[b] as number) + n;
        if (b < low) low = b;
        if (b > high) high = b;
      }
      n = 0;
      day++;
    }
  }
  if (out.cells.length > 0) closeCell();
  return out;
}

/** The bucket of each day of the window (day i: fromDay + i) from the edges, local midnights. */
function dayBuckets(fromDay: string, edges: Date[], timezone: string): Int32Array {
  const starts = edges.map((edge) => dayCount(fromDay, localDate(edge, timezone)));
  const out = new Int32Array(starts[starts.length - 1] as number);
  for (let b = 0; b + 1 < starts.length; b++) out.fill(b, starts[b] as number, starts[b + 1] as number);
  return out;
}

/** Days from one local date to another ('YYYY-MM-DD'), as calendar dates: no zone, no DST. */
function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
