import { localDate } from '../i18n/format-time';

/**
 * The day the spikes panel opens on: the local day of the newest message (the API's own default, named
 * so the panel can say which day it shows), or today in the region's zone before any message.
 */
export function latestAlertDay(
  meta: { timezone: string; extent: { to: string | null } },
  nowMs: number,
): string {
  const newest = meta.extent.to === null ? Number.NaN : Date.parse(meta.extent.to);
  return localDate(Number.isNaN(newest) ? nowMs : newest, meta.timezone);
}
