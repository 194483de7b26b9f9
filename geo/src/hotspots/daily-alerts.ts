import { benjaminiHochberg } from './benjamini-hochberg';

export interface DailyAlertsOptions {
  /** False discovery rate over the day's tests. */
  q?: number;
  /** The least count that may raise an alert: two messages where none were expected are not a spike. */
  minObserved?: number;
}

/**
 * Which of one day's anomaly tests (every cell and category tested that day) raise an alert: Benjamini–Hochberg
 * significant at q (0.01) over all of them, and at least minObserved (5) messages. Input order is kept.
 */
export function dailyAlerts(
  tests: readonly { observed: number; p: number }[],
  options: DailyAlertsOptions = {},
): boolean[] {
  const q = options.q ?? 0.01;
  const minObserved = options.minObserved ?? 5;
  const adjusted = benjaminiHochberg(tests.map((test) => test.p));
  return tests.map((test, i) => test.observed >= minObserved && (adjusted[i] as number) <= q);
}
