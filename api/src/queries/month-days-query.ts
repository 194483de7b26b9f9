import type { Resolution } from '@heatmap/geo';
import type { Sql } from '../db/database';
import { dayWindow, type MessageFilter } from './message-filter';

/** Resolutions cell_month_days holds (migration 0017), as cell_day_counts. */
const MONTH_DAYS_RESOLUTIONS: readonly number[] = [7, 8];
/** Length of every days array of cell_month_days. */
const MONTH_DAYS = 31;

/** Per-cell counts per bucket in compressed sparse rows (cell i: entries offsets[i] .. offsets[i+1]-1). */
export interface CellBuckets {
  cells: bigint[];
  offsets: number[];
  buckets: number[];
  counts: number[];
}

/**
 * The window's local days, when cell_month_days answers: day buckets at res 7 or 8 between local
 * midnights, with no filter but the window (the month rows have no category, status, source or district).
 */
export function monthDaysWindow(
  filter: MessageFilter,
  res: Resolution,
  timezone: string,
): { fromDay: string; toDay: string } | null {
  if (!MONTH_DAYS_RESOLUTIONS.includes(res)) return null;
  if (
    filter.categories ||
    filter.sources ||
    filter.statuses ||
    filter.districts ||
    filter.scope ||
    filter.bbox
  ) {
    return null;
  }
  const days = dayWindow(filter, timezone);
  return days?.fromDay && days.toDay ? { fromDay: days.fromDay, toDay: days.toDay } : null;
}

/**
 * Messages per cell and day over [fromDay, toDay) from cell_month_days: a row per cell and month (a year of
 * res-8 cells at 5M: ~11,000 rows, where cell_day_counts holds ~278,000), its 31 days unpacked here.
 * Bucket b is the day fromDay + b; cells in key order.
 */
export async function cellDaysFromMonths(
  sql: Sql,
  res: Resolution,
  window: { fromDay: string; toDay: string },
): Promise<CellBuckets> {
  // days as text, all parsed by one JSON.parse: postgres.js parses an int[] element by element.
  const rows = await sql<{ cell: bigint; offset: number; days: string }[]>`
    SELECT r.cell, r.month - ${window.fromDay}::date AS offset, r.days::text AS days
    FROM cell_month_days r
    WHERE r.res = ${res} AND r.month >= date_trunc('month', ${window.fromDay}::date)::date
      AND r.month < ${window.toDay}::date
    ORDER BY r.cell, r.month`;
  const days = JSON.parse(`[${rows.map((row) => row.days.slice(1, -1)).join(',')}]`) as number[];
  const end = dayCount(window.fromDay, window.toDay);
  const out: CellBuckets = { cells: [], offsets: [0], buckets: [], counts: [] };
  // Ends the last cell's row: kept with its entries, dropped if the window left it none (or none yet begun).
  const closeCell = () => {
    if (out.buckets.length > (out.offsets[out.offsets.length - 1] as number))
      out.offsets.push(out.buckets.length);
    else out.cells.pop();
  };
  rows.forEach((row, r) => {
    if (out.cells[out.cells.length - 1] !== row.cell) {
      closeCell();
      out.cells.push(row.cell);
    }
    for (let i = 0; i < MONTH_DAYS; i++) {
      const n = days[r * MONTH_DAYS + i] as number;
      const b = row.offset + i;
      if (n !== 0 && b >= 0 && b < end) {
        out.buckets.push(b);
        out.counts.push(n);
      }
    }
  });
  closeCell();
  return out;
}

/** Days from one local date to another ('YYYY-MM-DD'), as calendar dates: no zone, no DST. */
function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
