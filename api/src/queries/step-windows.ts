import { zonedMidnight } from '@heatmap/geo';
import { badParameter } from './query-error';

/** Calendar days as YYYY-MM-DD strings (they sort as the days do). */
export type Day = string;

/** `day` plus `days` calendar days. */
export function addDays(day: Day, days: number): Day {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function addMonths(day: Day, months: number): Day {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + months, 1)).toISOString().slice(0, 10);
}

/**
 * The first days of `steps` consecutive steps and the day after the last: weeks end at `end` (exclusive);
 * months are calendar months, the last one the month holding the day before `end` (so a window ending
 * mid-month includes that month whole).
 */
export function stepBoundaries(step: 'week' | 'month', steps: number, end: Day): Day[] {
  if (step === 'week') return Array.from({ length: steps + 1 }, (_, i) => addDays(end, -7 * (steps - i)));
  const last = addMonths(addDays(end, -1), 0);
  return Array.from({ length: steps + 1 }, (_, i) => addMonths(last, i + 1 - steps));
}

/** The step holding `day` (boundaries sorted), or -1 outside them. */
export function stepOf(boundaries: readonly Day[], day: Day): number {
  if (day < (boundaries[0] as Day) || day >= (boundaries[boundaries.length - 1] as Day)) return -1;
  let low = 0;
  let high = boundaries.length - 1;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if ((boundaries[mid] as Day) <= day) low = mid;
    else high = mid;
  }
  return low;
}

/** A YYYY-MM-DD parameter that names a real day, else a 400 naming the parameter. */
export function checkDay(name: string, value: string): Day {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  if (new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10) !== value || y < 1000) {
    throw badParameter(name, `"${value}" is not a calendar day (YYYY-MM-DD)`);
  }
  return value;
}

/** The instant a local day starts in the region time zone. */
export function localMidnight(day: Day, timezone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return zonedMidnight(y, m, d, timezone);
}
