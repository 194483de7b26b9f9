import { GeoError } from '../errors';
import { bucketStart } from './bucket-start';
import type { TimeBucket } from './time-bucket';
import { timeZoneParts } from './time-zone-parts';
import { wallTimeAsUtc } from './wall-time-as-utc';
import { zonedMidnight } from './zoned-midnight';

const HOUR_MS = 3_600_000;

/**
 * The start of the bucket after the one `instant` falls in: the exclusive end of its bucket. Days, weeks
 * and months step on the calendar, so a day bucket across a DST change is 23 or 25 hours long.
 */
export function nextBucketStart(instant: Date, bucket: TimeBucket, timeZone: string): Date {
  const start = bucketStart(instant, bucket, timeZone);
  if (bucket === 'hour') return bucketStart(new Date(start.getTime() + HOUR_MS), 'hour', timeZone);
  const wall = timeZoneParts(start, timeZone);
  const step =
    bucket === 'month'
      ? { ...wall, day: 1, month: wall.month + 1 }
      : { ...wall, day: wall.day + daysIn(bucket) };
  const next = new Date(wallTimeAsUtc(step));
  return zonedMidnight(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate(), timeZone);
}

function daysIn(bucket: TimeBucket): number {
  if (bucket === 'day') return 1;
  if (bucket === 'week') return 7;
  throw new GeoError('E_BUCKET_INVALID', `"${String(bucket)}" is not a time bucket`);
}
