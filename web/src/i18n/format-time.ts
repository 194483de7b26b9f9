import type { Translator } from './i18n';

const formats = new Map<string, Intl.DateTimeFormat>();

function cached(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

export type TimePrecision = 'minute' | 'day' | 'month';

/** A moment in the region's time zone (never the viewer's), to the given precision. */
export function formatInZone(ms: number, locale: string, timeZone: string, precision: TimePrecision): string {
  const options: Intl.DateTimeFormatOptions =
    precision === 'month'
      ? { timeZone, year: 'numeric', month: 'long' }
      : precision === 'day'
        ? { timeZone, year: 'numeric', month: 'short', day: 'numeric' }
        : {
            timeZone,
            year: 'numeric',
            month: 'short',
            day: 'numeric',
            hour: '2-digit',
            minute: '2-digit',
            hourCycle: 'h23',
          };
  return cached(locale, options).format(ms);
}

/** The calendar date of a moment in the zone, as YYYY-MM-DD (the form the API reads as local midnight). */
export function localDate(ms: number, timeZone: string): string {
  return cached('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
}

/** The zone's name with its UTC offset at that moment, e.g. "Europe/Budapest, GMT+1". */
export function zoneLabel(timeZone: string, atMs: number): string {
  const parts = cached('en-GB', { timeZone, timeZoneName: 'shortOffset' }).formatToParts(atMs);
  const offset = parts.find((part) => part.type === 'timeZoneName')?.value ?? '';
  return offset ? `${timeZone}, ${offset}` : timeZone;
}

/** A duration given in minutes, in the unit a person reads at a glance. */
export function formatDuration(minutes: number | null | undefined, translator: Translator): string {
  if (minutes === null || minutes === undefined || !Number.isFinite(minutes)) {
    return translator.t('duration.none');
  }
  const oneDecimal = { maximumFractionDigits: 1 };
  if (minutes < 60) return translator.t('duration.minutes', { value: Math.round(minutes) });
  if (minutes < 48 * 60) {
    return translator.t('duration.hours', { value: translator.formatNumber(minutes / 60, oneDecimal) });
  }
  return translator.t('duration.days', { value: translator.formatNumber(minutes / 1440, oneDecimal) });
}
