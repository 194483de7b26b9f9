import {
  bigIntToCell,
  bucketEdges,
  bucketStart,
  GeoError,
  nextBucketStart,
  type Resolution,
} from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Bucket, Timeline } from '../schemas/timeline';
import type { MessageFilter } from './message-filter';
import { type CellBuckets, cellBucketsFromMonths, monthDaysRead } from './month-days-query';
import { plausibleCreatedAt } from './plausible-dates-sql';
import { badParameter } from './query-error';
import { bucketCounts } from './timeline-counts';

export const MAX_TIMELINE_BUCKETS = 10_000;

/**
 * Counts per cell per time bucket over the window, for a slider that scrubs with no further request.
 * Buckets are aligned in the region zone and clipped to [from, to); without from/to, the data's extent.
 */
export async function queryTimeline(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  res: Resolution,
  bucket: Bucket,
): Promise<Timeline> {
  const range = await windowOrExtent(sql, filter, bucket, timezone);
  const edges = range ? clippedEdges(range.from, range.to, bucket, timezone) : [];
  const empty = { h3: [], offsets: [0], buckets: [], counts: [] };
  if (edges.length < 2) return { res, bucket, timezone, edges: edges.map(iso), totals: [], cells: empty };
  const bounded = { ...filter, from: edges[0], to: edges[edges.length - 1] };
  const { cells: keys, ...entries } = await cellBuckets(sql, timezone, bounded, res, bucket, edges);
  const totals = new Array<number>(edges.length - 1).fill(0);
  for (let i = 0; i < entries.buckets.length; i++) {
    const b = entries.buckets[i] as number;
    totals[b] = (totals[b] as number) + (entries.counts[i] as number);
  }
  const cells = { h3: keys.map(bigIntToCell), ...entries };
  return { res, bucket, timezone, edges: edges.map(iso), totals, cells };
}

/** Each cell's non-empty buckets, ascending, cells in key order. */
async function cellBuckets(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  res: Resolution,
  bucket: Bucket,
  edges: Date[],
): Promise<CellBuckets> {
  const read = monthDaysRead(filter, res, bucket, timezone);
  if (read) return cellBucketsFromMonths(sql, filter, res, read, edges, timezone);
  // One row per cell with its buckets as arrays: a year of days over a city is ~10^5-10^6 (cell, day)
  // pairs, far cheaper to carry as a few arrays than as a row object each.
  const rows = await sql<{ cell: bigint; buckets: number[]; counts: number[] }[]>`
    SELECT cell, array_agg(b ORDER BY b) AS buckets, array_agg(n ORDER BY b) AS counts
    FROM (${bucketCounts(sql, timezone, filter, res, bucket, edges)}) AS t
    GROUP BY cell ORDER BY cell`;
  const offsets = [0];
  for (const row of rows) offsets.push((offsets[offsets.length - 1] as number) + row.buckets.length);
  // Sized once: pushed one by one (or flatMap'ed), 500,000+ entries cost tens of ms in growing arrays.
  const buckets = new Array<number>(offsets[offsets.length - 1] as number);
  const counts = new Array<number>(buckets.length);
  rows.forEach((row, r) => {
    const start = offsets[r] as number;
    for (let i = 0; i < row.buckets.length; i++) {
      buckets[start + i] = row.buckets[i] as number;
      counts[start + i] = row.counts[i] as number;
    }
  });
  return { cells: rows.map((row) => row.cell), offsets, buckets, counts };
}

const iso = (d: Date) => d.toISOString();

/** Bucket starts across [from, to), the first replaced by `from`, plus `to` as the last edge. */
function clippedEdges(from: Date, to: Date, bucket: Bucket, timezone: string): Date[] {
  try {
    const starts = bucketEdges(from, to, bucket, timezone, { maxBuckets: MAX_TIMELINE_BUCKETS });
    if (starts.length === 0) return [];
    return [from, ...starts.slice(1), to];
  } catch (error) {
    if (error instanceof GeoError && error.code === 'E_RANGE_TOO_LONG') {
      throw badParameter(
        'bucket',
        `the window holds more than ${MAX_TIMELINE_BUCKETS} ${bucket} buckets; choose a wider bucket or a shorter window`,
      );
    }
    throw error;
  }
}

/** The filter's window, with a missing end taken from the data: first bucket start, last bucket end. */
async function windowOrExtent(sql: Sql, filter: MessageFilter, bucket: Bucket, timezone: string) {
  let { from, to } = filter;
  if (!from || !to) {
    const [extent] = await sql<{ first: Date | null; last: Date | null }[]>`
      SELECT min(m.created_at) AS first, max(m.created_at) AS last FROM messages m
      WHERE ${plausibleCreatedAt(sql)}`;
    if (!extent?.first || !extent.last) return null;
    from ??= bucketStart(extent.first, bucket, timezone);
    to ??= nextBucketStart(extent.last, bucket, timezone);
  }
  return from < to ? { from, to } : null;
}
