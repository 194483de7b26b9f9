import type { Translator } from '../i18n/i18n';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A local date (YYYY-MM-DD, already the region's day) as day and month: "12.06", "06/12". Formatted
 * at UTC midnight in UTC, so the viewer's own zone cannot move it to the day before.
 */
export function shortDay(day: string, locale: string): string {
  let format = dayFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: '2-digit', month: '2-digit' });
    dayFormats.set(locale, format);
  }
  return format.format(Date.parse(`${day}T00:00:00Z`));
}

function usual(expected: number, translator: Translator): string {
  return translator.formatNumber(expected, { maximumFractionDigits: 1 });
}

/** "23 при норме 4,1": the day's count against the mean of the same weekday over 8 weeks. */
export function alertFigure(alert: { observed: number; expected: number }, translator: Translator): string {
  return translator.t('alerts.figure', {
    observed: alert.observed,
    expected: usual(alert.expected, translator),
  });
}

/** The sparkline in words, for a screen reader: every day's count, the day tested, the usual level. */
export function sparklineLabel(
  alert: { series: readonly number[]; expected: number; day: string },
  translator: Translator,
): string {
  return translator.t('alerts.sparkline', {
    days: alert.series.length,
    day: shortDay(alert.day, translator.locale),
    values: alert.series.map((count) => translator.formatNumber(count)).join(', '),
    expected: usual(alert.expected, translator),
  });
}
