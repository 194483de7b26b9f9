import { negativeBinomialUpperTail } from './negative-binomial-upper-tail';
import { poissonUpperTail } from './poisson-upper-tail';

/** How many previous same weekdays make the baseline. */
export const ANOMALY_BASELINE_WEEKS = 8;
/** The least expected count: a cell quiet for eight weeks is not infinitely surprised by one message. */
export const ANOMALY_EXPECTED_FLOOR = 0.5;

export interface DailyAnomaly {
  observed: number;
  /** max(mean of the baseline, 0.5). */
  expected: number;
  /** The baseline's sample variance (n − 1); null with a single baseline value. */
  variance: number | null;
  model: 'poisson' | 'negative-binomial';
  /** θ = μ²/(s² − μ) for the negative binomial, else null. */
  size: number | null;
  /** P(X ≥ observed) under the model. */
  p: number;
}

/**
 * The one-sided test of a day's count in a cell (and category) against the same weekday of the previous weeks
 * (the caller passes ANOMALY_BASELINE_WEEKS values, 0 for a week without messages): μ = max(mean, 0.5);
 * Poisson(μ), or a negative binomial with mean μ and variance s² when the sample variance s² exceeds μ, so
 * that a cell with a history of bursts needs a bigger burst to stand out.
 */
export function dailyAnomaly(observed: number, baseline: readonly number[]): DailyAnomaly {
  if (!Number.isInteger(observed) || observed < 0) throw new RangeError(`${observed} is not a count`);
  if (baseline.length === 0) throw new RangeError('an empty baseline');
  let sum = 0;
  for (const value of baseline) {
    if (!(value >= 0 && Number.isFinite(value))) throw new RangeError(`${value} in a baseline`);
    sum += value;
  }
  const n = baseline.length;
  const mean = sum / n;
  const expected = Math.max(mean, ANOMALY_EXPECTED_FLOOR);
  let variance: number | null = null;
  if (n >= 2) {
    let squares = 0;
    for (const value of baseline) squares += (value - mean) ** 2;
    variance = squares / (n - 1);
  }
  if (variance !== null && variance > expected) {
    const size = (expected * expected) / (variance - expected);
    const p = negativeBinomialUpperTail(observed, expected, size);
    return { observed, expected, variance, model: 'negative-binomial', size, p };
  }
  return {
    observed,
    expected,
    variance,
    model: 'poisson',
    size: null,
    p: poissonUpperTail(observed, expected),
  };
}
