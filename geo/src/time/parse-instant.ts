import { GeoError } from '../errors';
import { wallTimeAsUtc } from './wall-time-as-utc';
import { wallTimeToInstant } from './wall-time-to-instant';
import { zonedMidnight } from './zoned-midnight';

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)?)?$/i;

/**
 * An instant from ISO 8601 text, reading anything without an offset in `timeZone`:
 * - `2024-03-31`: local midnight that day in the zone;
 * - `2024-03-31T10:15`, `2024-03-31 10:15:30.5`: local wall time (in a DST gap, the time after the gap);
 * - `2024-03-31T10:15:00Z`, `…+02:00`, `…+0200`, `…+02`: that exact instant.
 * Throws E_DATE_INVALID for anything else (including 24:00, leap seconds, 2024-02-30) and
 * E_TIMEZONE_INVALID for an unknown zone. In a URL query, `+` must be sent as `%2B`.
 */
export function parseInstant(value: string, timeZone: string): Date {
  const match = typeof value === 'string' ? ISO_8601.exec(value) : null;
  if (!match) throw invalid(value);
  const [, y, mo, d, h, mi, s, fraction, zulu, sign, offsetHours, offsetMinutes] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const midnight = zonedMidnight(year, month, day, timeZone); // validates the date and the zone
  if (h === undefined) return midnight;
  const wall = {
    year,
    month,
    day,
    hour: Number(h),
    minute: Number(mi),
    second: Number(s ?? 0),
    millisecond: Number((fraction ?? '').padEnd(3, '0').slice(0, 3)),
  };
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) throw invalid(value);
  if (zulu === undefined && sign === undefined) return wallTimeToInstant(wall, timeZone);
  const offsetMs = (Number(offsetHours ?? 0) * 60 + Number(offsetMinutes ?? 0)) * 60_000;
  if (Number(offsetHours ?? 0) > 23 || Number(offsetMinutes ?? 0) > 59) throw invalid(value);
  return new Date(wallTimeAsUtc(wall) - (sign === '-' ? -offsetMs : offsetMs));
}

function invalid(value: unknown): GeoError {
  return new GeoError('E_DATE_INVALID', `"${String(value)}" is not an ISO 8601 date or date-time`);
}
