import type { Resolution } from '@heatmap/geo';
import type { Sql } from '../db/database';
import { dayWindow, type MessageFilter } from './message-filter';

/** Resolutions cell_month_days holds (migration 0017), as cell_day_counts. */
const MONTH_DAYS_RESOLUTIONS: readonly number[] = [7, 8];

/** A cell's non-empty day buckets, ascending, with their counts. */
export interface CellDays {
  cell: bigint;
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
): Promise<CellDays[]> {
  // days as text, parsed by JSON.parse: postgres.js parses an int[] element by element.
  const rows = await sql<{ cell: bigint; offset: number; days: string }[]>`
    SELECT r.cell, r.month - ${window.fromDay}::date AS offset, r.days::text AS days
    FROM cell_month_days r
    WHERE r.res = ${res} AND r.month >= date_trunc('month', ${window.fromDay}::date)::date
      AND r.month < ${window.toDay}::date
    ORDER BY r.cell, r.month`;
  const end = dayCount(window.fromDay, window.toDay);
  const out: CellDays[] = [];
  let current: CellDays | undefined;
  for (const row of rows) {
    if (current?.cell !== row.cell) {
      if (current && current.buckets.length > 0) out.push(current);
      current = { cell: row.cell, buckets: [], counts: [] };
    }
    const days = JSON.parse(`[${row.days.slice(1, -1)}]`) as number[];
    for (let i = 0; i < days.length; i++) {
      const b = row.offset + i;
      const n = days[i] as number;
      if (n !== 0 && b >= 0 && b < end) {
        current.buckets.push(b);
        current.counts.push(n);
      }
    }
  }
  if (current && current.buckets.length > 0) out.push(current);
  return out;
}

/** Days from one local date to another ('YYYY-MM-DD'), as calendar dates: no zone, no DST. */
function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
