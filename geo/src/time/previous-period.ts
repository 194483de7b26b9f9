import { GeoError } from '../errors';

export interface Period {
  from: Date;
  to: Date;
}

/**
 * The window of the same length that ends where [from, to) begins, for "change versus the previous period".
 * Lengths are absolute time: the week before a DST change is compared hour for hour. For calendar-aligned
 * comparisons (this month versus last month) step with nextBucketStart/bucketStart instead.
 */
export function previousPeriod(from: Date, to: Date): Period {
  const start = from.getTime();
  const end = to.getTime();
  if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) {
    throw new GeoError('E_RANGE_INVALID', 'The range must be two valid instants with from <= to');
  }
  return { from: new Date(start - (end - start)), to: new Date(start) };
}
