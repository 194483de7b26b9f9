/**
 * Medians from mergeable log-spaced histograms (DDSketch's buckets, Masson et al., VLDB 2019), kept in the
 * pre-aggregates (migrations/0014) so that a map of medians sums buckets instead of sorting every message.
 *
 * A time of m whole minutes falls in bucket ceil(log_gamma(m)), gamma = (1 + a) / (1 - a): bucket i holds
 * (gamma^(i-1), gamma^i]. 0 minutes has a bucket of its own, ZERO_BUCKET. Counts per bucket add and
 * subtract exactly, so a status change or a delete moves a message between buckets with no drift.
 * The estimate of a value in bucket i is 2 gamma^i / (gamma + 1), which is within the relative error `a`
 * of every value of the bucket; clamped to the whole minutes the bucket holds, it is exact where the
 * bucket holds one (every bucket below 1 / (gamma - 1), about 25 minutes).
 * The median is percentile_cont(0.5) (docs/metrics.md): the middle value, or the mean of the two middle
 * values; each is estimated within `a`, so their mean is within `a` of the exact median.
 */

/** The stated relative error of a median from the histograms: |estimate - exact| <= a * exact. */
export const SKETCH_RELATIVE_ERROR = 0.02;
export const SKETCH_GAMMA = (1 + SKETCH_RELATIVE_ERROR) / (1 - SKETCH_RELATIVE_ERROR);
/** The bucket of 0 minutes (every other bucket index is >= 0: 1 minute is bucket 0). */
export const ZERO_BUCKET = -1;

const LOG_GAMMA = Math.log(SKETCH_GAMMA);

/** The bucket of a time in whole minutes (negative spans count as 0, as the exact median has them). */
export function sketchBucket(minutes: number): number {
  if (minutes <= 0) return ZERO_BUCKET;
  return Math.ceil(Math.log(minutes) / LOG_GAMMA);
}

/** The whole minutes bucket i holds: [low, high]. */
export function sketchBucketMinutes(bucket: number): { low: number; high: number } {
  if (bucket <= ZERO_BUCKET) return { low: 0, high: 0 };
  if (bucket === 0) return { low: 1, high: 1 };
  return {
    low: Math.floor(Math.exp((bucket - 1) * LOG_GAMMA)) + 1,
    high: Math.floor(Math.exp(bucket * LOG_GAMMA)),
  };
}

/** The value that stands for every time in the bucket. */
export function sketchBucketValue(bucket: number): number {
  if (bucket <= ZERO_BUCKET) return 0;
  const { low, high } = sketchBucketMinutes(bucket);
  const middle = (2 * Math.exp(bucket * LOG_GAMMA)) / (SKETCH_GAMMA + 1);
  return Math.min(high, Math.max(low, middle));
}

/** A histogram: (bucket, count) pairs in any order, a bucket possibly more than once (merged parts). */
export type SketchBuckets = ReadonlyArray<readonly [bucket: number, count: number]>;

/** The estimated median minutes of a histogram; null when it is empty. */
export function sketchMedian(buckets: SketchBuckets): number | null {
  const merged = new Map<number, number>();
  for (const [bucket, count] of buckets) merged.set(bucket, (merged.get(bucket) ?? 0) + count);
  const sorted = [...merged].filter(([, count]) => count > 0).sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  // 0-based ranks of the middle value(s), as percentile_cont(0.5) takes them.
  const lowRank = Math.floor((total - 1) / 2);
  const highRank = Math.ceil((total - 1) / 2);
  let seen = 0;
  let low: number | null = null;
  for (const [bucket, count] of sorted) {
    seen += count;
    if (low === null && seen > lowRank) low = bucket;
    if (seen > highRank) return middleBucketsMedian(low ?? bucket, bucket);
  }
  return null;
}

/**
 * The median from the buckets of the two middle ranks, (total - 1) / 2 rounded down and up (one bucket
 * when they share it), for a caller that found them itself (the database, from coarse buckets first).
 */
export function middleBucketsMedian(lowBucket: number, highBucket: number): number {
  return (sketchBucketValue(lowBucket) + sketchBucketValue(highBucket)) / 2;
}
