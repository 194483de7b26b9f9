import { twoSidedP } from './two-sided-p';

export interface MannKendallResult {
  /** S = Σ_{k<j} sgn(x_j − x_k). */
  s: number;
  /** Var(S) with the tie correction. */
  variance: number;
  /** Z with the continuity correction: (S − 1)/√Var for S > 0, (S + 1)/√Var for S < 0, else 0. */
  z: number;
  /** Two-sided p of Z under the standard normal. */
  p: number;
}

/**
 * The Mann–Kendall trend test (Mann 1945, Kendall 1975) on a series in time order:
 * Var(S) = [n(n−1)(2n+5) − Σ_t t(t−1)(2t+5)]/18 over the groups of t equal values.
 * A series shorter than 2, all tied, or with S = 0 has Z = 0 and p = 1. O(n²), fine for the 52 steps of a year.
 */
export function mannKendall(series: readonly number[]): MannKendallResult {
  const n = series.length;
  for (const value of series) {
    if (!Number.isFinite(value)) throw new RangeError(`${value} in a Mann-Kendall series`);
  }
  let s = 0;
  for (let k = 0; k < n - 1; k++) {
    const earlier = series[k] as number;
    for (let j = k + 1; j < n; j++) s += Math.sign((series[j] as number) - earlier);
  }
  const groups = new Map<number, number>();
  for (const value of series) groups.set(value, (groups.get(value) ?? 0) + 1);
  let ties = 0;
  for (const t of groups.values()) ties += t * (t - 1) * (2 * t + 5);
  const variance = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  const z = s === 0 || variance <= 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(variance);
  return { s, variance, z, p: twoSidedP(z) };
}
