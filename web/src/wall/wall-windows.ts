import { localDate } from '../i18n/format-time';

/** A window as the API reads it: local dates in the region's zone, `to` exclusive. */
export interface DateWindow {
  from: string;
  to: string;
}

export interface WallWindows {
  /** The local calendar day the wall calls today. */
  today: DateWindow;
  /** The last `days` days up to and including today: hotspots, districts, median, change. */
  recent: DateWindow;
  /** The last 7 days up to and including today: the playback. */
  playback: DateWindow;
}

const DAY_MS = 86_400_000;

/** Calendar arithmetic on a YYYY-MM-DD date (in UTC, where every day has 24 hours). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * The wall's windows for the moment `nowMs` in the region's zone (or for the anchor date `at`).
 * Whole local days: the API turns a date into local midnight, so a daylight-saving day stays a day.
 */
export function wallWindows(nowMs: number, timeZone: string, days: number, at?: string): WallWindows {
  const today = at ?? localDate(nowMs, timeZone);
  const tomorrow = addDays(today, 1);
  return {
    today: { from: today, to: tomorrow },
    recent: { from: addDays(today, 1 - days), to: tomorrow },
    playback: { from: addDays(today, -6), to: tomorrow },
  };
}
