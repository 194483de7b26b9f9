export const EMERGING_PATTERNS = [
  'new',
  'consecutive',
  'intensifying',
  'persistent',
  'diminishing',
  'sporadic',
  'oscillating',
  'historical',
] as const;
export type EmergingPattern = (typeof EMERGING_PATTERNS)[number];
export type EmergingClass = `${EmergingPattern}-hot` | `${EmergingPattern}-cold` | 'no-pattern';

/** A Mann–Kendall result on the cell's z series: only the sign of z and p are read. */
export interface EmergingTrend {
  z: number;
  p: number;
}

export interface EmergingClassOptions {
  /** The level at which the Mann–Kendall trend counts as significant. */
  alpha?: number;
}

/** "At least 90 % of the steps", in integers so that 9 of 10 is exactly the line. */
function mostSteps(count: number, steps: number): boolean {
  return count * 10 >= steps * 9;
}

/**
 * The emerging hot or cold spot class of a cell, after ArcGIS Pro's "How Emerging Hot Spot Analysis works",
 * from its Gi* bins per time step (oldest first; significant when |bin| ≥ 1, i.e. at ≥ 90 % with FDR) and the
 * Mann–Kendall trend of its z series. With "hot" read as "cold" and the trend mirrored for cold spots:
 *
 * - final step not significant: historical if hot in ≥ 90 % of the steps, else no pattern;
 * - hot in ≥ 90 % of the steps, the final one included: intensifying (significant upward trend), diminishing
 *   (significant downward) or persistent (no significant trend);
 * - otherwise, with the final step hot: oscillating if it was ever cold; new if never hot before; consecutive
 *   if the final run of hot steps is at least 2 long and nothing was hot before it; else sporadic.
 *
 * ArcGIS's wording lets "new" and "oscillating" overlap (cold once, now hot for the first time): the cold
 * history wins here, as oscillating is the narrower definition.
 */
export function emergingClass(
  bins: readonly number[],
  trend: EmergingTrend,
  options: EmergingClassOptions = {},
): EmergingClass {
  const alpha = options.alpha ?? 0.05;
  const steps = bins.length;
  const final = bins[steps - 1] ?? 0;
  if (Math.abs(final) < 1) {
    if (steps > 0 && mostSteps(bins.filter((bin) => bin >= 1).length, steps)) return 'historical-hot';
    if (steps > 0 && mostSteps(bins.filter((bin) => bin <= -1).length, steps)) return 'historical-cold';
    return 'no-pattern';
  }
  const sign = final > 0 ? 1 : -1;
  const side = sign > 0 ? 'hot' : 'cold';
  const oriented = bins.map((bin) => sign * bin);
  const count = oriented.filter((bin) => bin >= 1).length;
  if (mostSteps(count, steps)) {
    const direction = trend.p < alpha ? sign * Math.sign(trend.z) : 0;
    if (direction > 0) return `intensifying-${side}`;
    if (direction < 0) return `diminishing-${side}`;
    return `persistent-${side}`;
  }
  if (oriented.some((bin) => bin <= -1)) return `oscillating-${side}`;
  if (count === 1) return `new-${side}`;
  let run = 0;
  while (run < steps && (oriented[steps - 1 - run] as number) >= 1) run++;
  return run === count ? `consecutive-${side}` : `sporadic-${side}`;
}
