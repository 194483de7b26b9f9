import { GeoError } from '../errors';
import { timeZoneOffset } from './time-zone-offset';
import type { WallTime } from './time-zone-parts';
import { wallTimeAsUtc } from './wall-time-as-utc';

export type WallTimeInput = Pick<WallTime, 'year' | 'month' | 'day'> & Partial<WallTime>;

/**
 * What to do with a wall time that a DST change makes ambiguous, as in Temporal:
 * - `compatible` (default): in an overlap the earlier instant, in a gap the instant after the gap
 *   (02:30 on a spring-forward night becomes 03:30), like Date and most databases;
 * - `earlier` / `later`: the earlier / later of the two readings (in a gap: 01:30 / 03:30).
 */
export type Disambiguation = 'compatible' | 'earlier' | 'later';

const DAY_MS = 86_400_000;

/**
 * The instant at which clocks in `timeZone` show the given wall time. Offsets are probed a day either
 * side, which is enough for every real zone (no zone changes its offset twice within two days).
 */
export function wallTimeToInstant(
  wall: WallTimeInput,
  timeZone: string,
  options: { disambiguation?: Disambiguation } = {},
): Date {
  const asUtc = wallTimeAsUtc({ hour: 0, minute: 0, second: 0, millisecond: 0, ...wall });
  if (!Number.isFinite(asUtc)) throw new GeoError('E_DATE_INVALID', 'The wall time is out of range');
  const offsetBefore = timeZoneOffset(new Date(asUtc - DAY_MS), timeZone);
  const offsetAfter = timeZoneOffset(new Date(asUtc + DAY_MS), timeZone);
  const candidates = [...new Set([offsetBefore, offsetAfter])]
    .map((offset) => asUtc - offset)
    .filter((ms) => timeZoneOffset(new Date(ms), timeZone) === asUtc - ms)
    .sort((a, b) => a - b);
  const disambiguation = options.disambiguation ?? 'compatible';
  const first = candidates[0];
  const last = candidates[candidates.length - 1];
  if (first !== undefined && last !== undefined) {
    return new Date(disambiguation === 'later' ? last : first);
  }
  // A gap: no instant shows this wall time. Reading it with the offset from before the change lands after
  // the gap, with the offset from after the change lands before it.
  return new Date(disambiguation === 'earlier' ? asUtc - offsetAfter : asUtc - offsetBefore);
}
