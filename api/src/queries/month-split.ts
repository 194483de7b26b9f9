import { bucketStart, localDate, nextBucketStart, zonedMidnight } from '@heatmap/geo';

/** A half-open span of instants; an absent end is unbounded. */
export interface Span {
  from?: Date;
  to?: Date;
}

/**
 * A window cut for the month pre-aggregates: the whole local months inside it (as first days of
 * months, [fromMonth, toMonth), absent ends unbounded) and the partial months at its edges, which
 * the raw messages answer. A window inside one month has no whole month: `months` is null.
 */
export interface MonthSplit {
  months: { fromMonth?: string; toMonth?: string } | null;
  edges: Span[];
}

export function splitByMonth(window: Span, timezone: string): MonthSplit {
  const { whole, edges } = splitWhole(window, 'month', timezone);
  if (!whole) return { months: null, edges };
  const months: { fromMonth?: string; toMonth?: string } = {};
  if (whole.from) months.fromMonth = whole.from;
  if (whole.to) months.toMonth = whole.to;
  return { months, edges };
}

/**
 * A partial month cut for the day pre-aggregates (0018): its whole local days, [fromDay, toDay), and the
 * parts of a day at its ends (an instant that is not a local midnight), which the raw messages answer.
 */
export interface DaySplit {
  days: { fromDay?: string; toDay?: string } | null;
  edges: Span[];
}

export function splitByDay(window: Span, timezone: string): DaySplit {
  const { whole, edges } = splitWhole(window, 'day', timezone);
  if (!whole) return { days: null, edges };
  const days: { fromDay?: string; toDay?: string } = {};
  if (whole.from) days.fromDay = whole.from;
  if (whole.to) days.toDay = whole.to;
  return { days, edges };
}

/**
 * The parts of a partial month: its whole local days from `days` (a day pre-aggregate), the parts of a day at
 * its ends from `raw` (messages). `fromDays` says whether any part came from `days`.
 */
export function dayParts<T>(
  edge: Span,
  timezone: string,
  days: (days: { fromDay?: string; toDay?: string }) => T,
  raw: (span: Span) => T,
): { parts: T[]; fromDays: boolean } {
  const split = splitByDay(edge, timezone);
  return {
    parts: [...(split.days ? [days(split.days)] : []), ...split.edges.map(raw)],
    fromDays: split.days !== null,
  };
}

/** The whole local months or days inside a window (first days as dates; null if none) and the rest. */
function splitWhole(window: Span, unit: 'month' | 'day', timezone: string) {
  const { from, to } = window;
  const wholeFrom = from && (isStart(from, unit, timezone) ? from : nextBucketStart(from, unit, timezone));
  const wholeTo = to && bucketStart(to, unit, timezone);
  if (wholeFrom && wholeTo && wholeFrom >= wholeTo) return { whole: null, edges: [{ from, to }] };
  const edges: Span[] = [];
  if (from && wholeFrom && from < wholeFrom) edges.push({ from, to: wholeFrom });
  if (to && wholeTo && wholeTo < to) edges.push({ from: wholeTo, to });
  return {
    whole: {
      from: wholeFrom && localDate(wholeFrom, timezone),
      to: wholeTo && localDate(wholeTo, timezone),
    },
    edges,
  };
}

function isStart(instant: Date, unit: 'month' | 'day', timezone: string): boolean {
  return bucketStart(instant, unit, timezone).getTime() === instant.getTime();
}

/** A window cut for the year and month pre-aggregates: whole local years, then whole months, then raw edges. */
export interface CalendarSplit {
  years: { fromYear?: string; toYear?: string } | null;
  months: Array<{ fromMonth?: string; toMonth?: string }>;
  edges: Span[];
}

export function splitByCalendar(window: Span, timezone: string): CalendarSplit {
  const { years, edges: pieces } = splitByYear(window, timezone);
  const split: CalendarSplit = { years, months: [], edges: [] };
  for (const piece of pieces) {
    const { months, edges } = splitByMonth(piece, timezone);
    if (months) split.months.push(months);
    split.edges.push(...edges);
  }
  return split;
}

/** Whole local years only: the rest of the window (before and after them, or all of it) as raw spans. */
export function splitByYear(window: Span, timezone: string): CalendarSplit {
  const { from, to } = window;
  const yearStart = (d: Date) => zonedMidnight(Number(localDate(d, timezone).slice(0, 4)), 1, 1, timezone);
  const wholeFrom =
    from && (yearStart(from).getTime() === from.getTime() ? from : nextYear(yearStart(from), timezone));
  const wholeTo = to && yearStart(to);
  if (wholeFrom && wholeTo && wholeFrom >= wholeTo) return { years: null, months: [], edges: [{ from, to }] };
  const years: NonNullable<CalendarSplit['years']> = {};
  if (wholeFrom) years.fromYear = localDate(wholeFrom, timezone);
  if (wholeTo) years.toYear = localDate(wholeTo, timezone);
  const edges: Span[] = [];
  if (from && wholeFrom && from < wholeFrom) edges.push({ from, to: wholeFrom });
  if (to && wholeTo && wholeTo < to) edges.push({ from: wholeTo, to });
  return { years, months: [], edges };
}

function nextYear(start: Date, timezone: string): Date {
  return zonedMidnight(Number(localDate(start, timezone).slice(0, 4)) + 1, 1, 1, timezone);
}
