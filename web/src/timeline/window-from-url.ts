import { localDate } from '../i18n/format-time';
import { type BucketWindow, bucketAtOrAfter, type TimelineCube } from './timeline-cube';

function edgeIndex(cube: TimelineCube, value: string, timeZone: string): number {
  if (value.includes('T')) return bucketAtOrAfter(cube, Date.parse(value));
  // A date means local midnight in the region: the first edge on or after that day.
  for (let index = 0; index < cube.edges.length; index += 1) {
    if (localDate(cube.edges[index] ?? 0, timeZone) >= value) return index;
  }
  return cube.bucketCount;
}

/**
 * The last bucket, unless it is plainly still filling up (under half the one before: the data ends
 * inside it), in which case the one before: a first view of a half-empty month reads as a collapse.
 */
function latestFullBucket(cube: TimelineCube): number {
  const last = cube.bucketCount - 1;
  if (last < 1) return Math.max(0, last);
  return (cube.totals[last] ?? 0) < 0.5 * (cube.totals[last - 1] ?? 0) ? last - 1 : last;
}

/**
 * The slider window for the link's `from`/`to` on this cube's buckets. Without `from` it is the
 * latest period (see latestFullBucket); without `to` it is one bucket long.
 */
export function windowFromUrl(
  cube: TimelineCube,
  from: string | undefined,
  to: string | undefined,
  timeZone: string,
): BucketWindow {
  const count = cube.bucketCount;
  if (count === 0) return { start: 0, end: 0 };
  const start = from ? Math.min(count - 1, edgeIndex(cube, from, timeZone)) : latestFullBucket(cube);
  const end = to ? edgeIndex(cube, to, timeZone) : start + 1;
  return { start, end: Math.max(start + 1, Math.min(count, end)) };
}

/** The link's `from`/`to` for a window: local dates, since every bucket edge is a local midnight. */
export function windowToUrl(
  cube: TimelineCube,
  window: BucketWindow,
  timeZone: string,
): { from: string; to: string } {
  return {
    from: localDate(cube.edges[window.start] ?? 0, timeZone),
    to: localDate(cube.edges[window.end] ?? 0, timeZone),
  };
}
