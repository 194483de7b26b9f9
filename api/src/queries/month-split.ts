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
  const { from, to } = window;
  const wholeFrom = from && (isMonthStart(from, timezone) ? from : nextBucketStart(from, 'month', timezone));
  const wholeTo = to && bucketStart(to, 'month', timezone);
  if (wholeFrom && wholeTo && wholeFrom >= wholeTo) return { months: null, edges: [{ from, to }] };
  const months: { fromMonth?: string; toMonth?: string } = {};
  if (wholeFrom) months.fromMonth = localDate(wholeFrom, timezone);
  if (wholeTo) months.toMonth = localDate(wholeTo, timezone);
  const edges: Span[] = [];
  if (from && wholeFrom && from < wholeFrom) edges.push({ from, to: wholeFrom });
  if (to && wholeTo && wholeTo < to) edges.push({ from: wholeTo, to });
  return { months, edges };
}

function isMonthStart(instant: Date, timezone: string): boolean {
  return bucketStart(instant, 'month', timezone).getTime() === instant.getTime();
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
