import { timeZoneOffset } from './time-zone-offset';
import { timeZoneParts } from './time-zone-parts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An instant as ISO 8601 local time with the zone's offset, to the second: `2024-05-01T10:00:00+02:00`
 * (what Open311 and other interchange formats ask for: the reader sees the local time and the instant).
 */
export function zonedIso(instant: Date, timeZone: string): string {
  const wall = timeZoneParts(instant, timeZone);
  const offsetMinutes = Math.round(timeZoneOffset(instant, timeZone) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return (
    `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
