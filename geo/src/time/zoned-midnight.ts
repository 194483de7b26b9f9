import { GeoError } from '../errors';
import { wallTimeToInstant } from './wall-time-to-instant';

/**
 * The first instant of a calendar day in a time zone: local midnight, or the end of the gap in zones whose
 * clocks jump over midnight (America/Santiago, for example). Month is 1..12; out-of-range parts throw
 * E_DATE_INVALID (use the calendar arithmetic in the callers, not overflow here).
 */
export function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  if (!isCalendarDate(year, month, day)) {
    throw new GeoError('E_DATE_INVALID', `${year}-${month}-${day} is not a calendar date`);
  }
  return wallTimeToInstant({ year, month, day }, timeZone, { disambiguation: 'compatible' });
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger) || month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const isLeap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 ? (isLeap ? 29 : 28) : daysInMonth);
}
