import { GeoError } from '../errors';

/** A wall-clock reading in some time zone; month is 1..12. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

// Formatters are costly to build and bucketing calls this per row; a zone's rules never change within a process.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new GeoError('E_TIMEZONE_INVALID', `"${timeZone}" is not an IANA time zone`);
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading of an instant in an IANA time zone; throws E_TIMEZONE_INVALID for an unknown zone. */
export function timeZoneParts(instant: Date, timeZone: string): WallTime {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new GeoError('E_DATE_INVALID', 'Invalid Date');
  const parts = formatterFor(timeZone).formatToParts(instant);
  const wall: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0, millisecond: 0 };
  let beforeChrist = false;
  for (const part of parts) {
    switch (part.type) {
      case 'era':
        beforeChrist = part.value === 'BC';
        break;
      case 'year':
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second':
        wall[part.type] = Number(part.value);
        break;
    }
  }
  if (beforeChrist) wall.year = 1 - wall.year;
  wall.millisecond = ((ms % 1000) + 1000) % 1000;
  return wall;
}
