import { GeoError } from '../errors';
import { bucketStart } from './bucket-start';
import { nextBucketStart } from './next-bucket-start';
import type { TimeBucket } from './time-bucket';

/** Default cap on the number of buckets, so a typo in a range cannot ask for millions of hours. */
export const MAX_BUCKET_EDGES = 10_000;

/**
 * The starts of the buckets that cover [from, to), in order. The first is the start of the bucket `from`
 * falls in (it may be before `from`); every start is before `to`. An empty range gives no buckets.
 * Throws E_RANGE_INVALID if `to` is before `from`, E_RANGE_TOO_LONG beyond `maxBuckets`.
 */
export function bucketEdges(
  from: Date,
  to: Date,
  bucket: TimeBucket,
  timeZone: string,
  options: { maxBuckets?: number } = {},
): Date[] {
  const maxBuckets = options.maxBuckets ?? MAX_BUCKET_EDGES;
  if (!Number.isFinite(from.getTime()) || !Number.isFinite(to.getTime()) || to < from) {
    throw new GeoError('E_RANGE_INVALID', 'The range must be two valid instants with from <= to');
  }
  const edges: Date[] = [];
  if (to.getTime() === from.getTime()) return edges;
  for (
    let edge = bucketStart(from, bucket, timeZone);
    edge < to;
    edge = nextBucketStart(edge, bucket, timeZone)
  ) {
    if (edges.length === maxBuckets) {
      throw new GeoError('E_RANGE_TOO_LONG', `More than ${maxBuckets} ${bucket} buckets in the range`);
    }
    edges.push(edge);
  }
  return edges;
}
