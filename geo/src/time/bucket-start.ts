import { GeoError } from '../errors';
import type { TimeBucket } from './time-bucket';
import { timeZoneParts } from './time-zone-parts';
import { wallTimeAsUtc } from './wall-time-as-utc';
import { zonedMidnight } from './zoned-midnight';

/**
 * The start of the bucket an instant falls in, aligned to the wall clock of `timeZone`: the local hour,
 * local midnight, local midnight of the ISO week's Monday, or of the month's first day. Same result as
 * PostgreSQL `date_trunc(bucket, instant, timeZone)`. Hours are cut by the local minute and second, so
 * the two 02:00 hours of a fall-back night are two buckets.
 */
export function bucketStart(instant: Date, bucket: TimeBucket, timeZone: string): Date {
  const wall = timeZoneParts(instant, timeZone);
  switch (bucket) {
    case 'hour':
      return new Date(instant.getTime() - (wall.minute * 60_000 + wall.second * 1000 + wall.millisecond));
    case 'day':
      return zonedMidnight(wall.year, wall.month, wall.day, timeZone);
    case 'week': {
      const dayOfWeek = new Date(wallTimeAsUtc(wall)).getUTCDay(); // 0 = Sunday
      const monday = new Date(wallTimeAsUtc({ ...wall, day: wall.day - ((dayOfWeek + 6) % 7) }));
      return zonedMidnight(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate(), timeZone);
    }
    case 'month':
      return zonedMidnight(wall.year, wall.month, 1, timeZone);
    default:
      throw new GeoError('E_BUCKET_INVALID', `"${String(bucket)}" is not a time bucket`);
  }
}
