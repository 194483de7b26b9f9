import { wallTimeToInstant } from '@heatmap/geo';

/**
 * Timestamps as files carry them: ISO 8601 with a zone (`2024-03-01T10:00:00Z`, `+03:00`), or naive
 * (`2024-03-01`, `2024-03-01 10:00`, `2024-03-01T10:00:00.123`), which is read as wall-clock time in
 * the region's time zone; also epoch milliseconds as a number. Looser than geo's parseInstant only
 * where files need it (epoch numbers, a space before the zone); wall times resolve by geo's rule.
 */
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

export function parseTimestamp(value: unknown, timezone: string): Date | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? new Date(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zone] = m;
  const parts = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  const ms = Number(frac.padEnd(3, '0').slice(0, 3));
  const wall = Date.UTC(parts[0], parts[1] - 1, parts[2], parts[3], parts[4], parts[5], ms);
  if (!sameFields(new Date(wall), parts)) return undefined; // 2024-02-30, 25:00 and the like
  if (zone) {
    const offset = zoneOffsetMinutes(zone);
    return offset === undefined ? undefined : new Date(wall - offset * 60_000);
  }
  return new Date(wallClockToUtc(wall, timezone));
}

/** A wall-clock time in `timezone` (its fields given as if UTC, in ms) as a UTC instant in ms. */
export function wallClockToUtc(wallMs: number, timezone: string): number {
  return wallMs - localOffsetMs(wallMs, timezone);
}

function sameFields(d: Date, p: readonly [number, number, number, number, number, number]): boolean {
  return (
    d.getUTCFullYear() === p[0] &&
    d.getUTCMonth() === p[1] - 1 &&
    d.getUTCDate() === p[2] &&
    d.getUTCHours() === p[3] &&
    d.getUTCMinutes() === p[4] &&
    d.getUTCSeconds() === p[5]
  );
}

/** Minutes east of UTC; undefined past 23:59 (`+99:99`, `+25:00`), as geo's parseInstant rules. */
function zoneOffsetMinutes(zone: string): number | undefined {
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || 0);
  if (hours > 23 || minutes > 59) return undefined;
  return sign * (hours * 60 + minutes);
}

/** Per time zone: wall-clock quarter hour -> offset (numeric keys: a string key per row cost more than the lookup saved). */
const offsetCaches = new Map<string, Map<number, number>>();

/**
 * The offset to subtract from a wall-clock time to get UTC, by geo's wallTimeToInstant, so a file,
 * an HTTP post, `generate` and a query parameter read the same wall time as the same instant: in
 * a spring-forward gap the time after the gap, in an autumn overlap the earlier one (Temporal's
 * "compatible"). Offsets change on whole quarter hours at most, and a gap or overlap covers whole
 * quarter hours, so it is cached per wall-clock quarter hour: a million rows cost a few thousand
 * Intl calls.
 */
function localOffsetMs(wallMs: number, timezone: string): number {
  let cache = offsetCaches.get(timezone);
  if (!cache) {
    cache = new Map();
    offsetCaches.set(timezone, cache);
  }
  const key = Math.floor(wallMs / 900_000);
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const quarter = new Date(key * 900_000);
  const instant = wallTimeToInstant(
    {
      year: quarter.getUTCFullYear(),
      month: quarter.getUTCMonth() + 1,
      day: quarter.getUTCDate(),
      hour: quarter.getUTCHours(),
      minute: quarter.getUTCMinutes(),
    },
    timezone,
  );
  const offset = quarter.getTime() - instant.getTime();
  if (cache.size > 200_000) cache.clear();
  cache.set(key, offset);
  return offset;
}
