import { bucketStart, localDate, nextBucketStart } from '@heatmap/geo';

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
