import { timeZoneParts } from './time-zone-parts';
import { wallTimeAsUtc } from './wall-time-as-utc';

/** The zone's offset from UTC at an instant, in milliseconds (Europe/Budapest in summer: 7_200_000). */
export function timeZoneOffset(instant: Date, timeZone: string): number {
  return wallTimeAsUtc(timeZoneParts(instant, timeZone)) - instant.getTime();
}
