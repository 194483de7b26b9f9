import { timeZoneParts } from './time-zone-parts';

/** The calendar date ('YYYY-MM-DD') an instant falls on in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  const { year, month, day } = timeZoneParts(instant, timeZone);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
