import type { WallTime } from './time-zone-parts';

/**
 * The wall time read as if it were UTC, in milliseconds. Fields may overflow (day 32, month 13) and are
 * normalised like Date.UTC does, which makes this the calendar arithmetic of the time module.
 */
export function wallTimeAsUtc(wall: WallTime): number {
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0..99 to 1900..1999.
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return date.getTime();
}
