/**
 * The exact median, as PostgreSQL `percentile_cont(0.5) WITHIN GROUP (ORDER BY x)` computes it: the middle
 * value, or for an even count `lo + 0.5 * (hi - lo)` of the two middle values. null and NaN are skipped
 * (SQL aggregates skip NULL); no values gives null.
 */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const sorted = values
    .filter((v): v is number => typeof v === 'number' && !Number.isNaN(v))
    .sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = (sorted.length - 1) / 2;
  const lo = sorted[Math.floor(middle)] as number;
  const hi = sorted[Math.ceil(middle)] as number;
  return lo + 0.5 * (hi - lo);
}
