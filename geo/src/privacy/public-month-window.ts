import { GeoError } from '../errors';

export interface DateWindow {
  /** Inclusive first local day, 'YYYY-MM-DD'; undefined: unbounded. */
  from?: string;
  /** Exclusive last local day, 'YYYY-MM-DD'; undefined: unbounded. */
  to?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The public window for a requested one: whole calendar months, rounded outward (`from` to the first of
 * its month, an exclusive `to` that is not a first of a month to the first of the next month). Windows
 * that differ by a day then give the same answer, and two public windows differ by whole months only:
 * the month is the finest period any public count is cut by (docs/privacy.md).
 */
export function publicMonthWindow(window: DateWindow): DateWindow {
  const result: DateWindow = {};
  if (window.from !== undefined) result.from = `${parse(window.from).slice(0, 7)}-01`;
  if (window.to !== undefined) {
    const [year, month, day] = parse(window.to).split('-').map(Number) as [number, number, number];
    if (day === 1) result.to = window.to;
    else result.to = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  }
  return result;
}

function parse(value: string): string {
  const match = DATE.exec(value);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  if (!match || month < 1 || month > 12 || day < 1 || day > 31) {
    throw new GeoError('E_DATE_INVALID', `"${value}" is not a date (YYYY-MM-DD)`);
  }
  return value;
}

/**
 * The whole months just before a month-aligned window, as many as it spans: the public summary's previous
 * period (the staff one, of equal length in time, would start mid-month).
 */
export function previousMonthWindow(window: { from: string; to: string }): { from: string; to: string } {
  const index = (date: string) => {
    const [year, month] = parse(date).split('-').map(Number) as [number, number];
    return year * 12 + month - 1;
  };
  const first = (i: number) =>
    `${String(Math.floor(i / 12)).padStart(4, '0')}-${String((i % 12) + 1).padStart(2, '0')}-01`;
  const from = index(window.from);
  const span = index(window.to) - from;
  return { from: first(from - span), to: first(from) };
}
