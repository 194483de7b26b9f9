/**
 * Getis-Ord Gi* z-scores with binary weights (Ord & Getis 1995; the form ArcGIS's Hot Spot Analysis and
 * PySAL's `G_Local(star=True, transform='B')` compute):
 *
 *   z_i = (Σ_{j∈N(i)} x_j − x̄·W_i) / (S·√((n·W_i − W_i²)/(n − 1))),   W_i = |N(i)|,
 *   x̄ = Σx/n,   S = √(Σx²/n − x̄²)   (population standard deviation).
 *
 * `neighbours[i]` lists the indices j with w_ij = 1, **including i itself** and without repeats (with binary
 * weights Σw_ij and Σw_ij² are both the list's length). The result is a z-score already.
 *
 * Degenerate cases give z = 0 rather than NaN: fewer than two cells, all values equal (S = 0: no cell stands
 * out), and a cell whose neighbourhood is the whole study area (its sum is the global sum: nothing to compare).
 *
 * Cost O(n + Σ_i |N(i)|): one pass for the mean and S, one pass over each neighbour list.
 */
export function getisOrdGiStar(
  values: readonly number[],
  neighbours: readonly (readonly number[])[],
): number[] {
  const n = values.length;
  if (neighbours.length !== n) {
    throw new RangeError(`${neighbours.length} neighbour lists for ${n} values`);
  }
  const z = new Array<number>(n).fill(0);
  if (n < 2 || values.every((value) => value === values[0])) return z;
  let sum = 0;
  for (const value of values) sum += value;
  const mean = sum / n;
  // Two-pass variance: the same S as Σx²/n − x̄², without the cancellation when counts are large.
  let squares = 0;
  for (const value of values) squares += (value - mean) ** 2;
  const s = Math.sqrt(squares / n);
  for (let i = 0; i < n; i++) {
    const list = neighbours[i] as readonly number[];
    let local = 0;
    for (const j of list) {
      if (!Number.isInteger(j) || j < 0 || j >= n)
        throw new RangeError(`neighbour ${j} of ${i} is not a cell`);
      local += values[j] as number;
    }
    const w = list.length;
    const spread = (n * w - w * w) / (n - 1);
    if (spread > 0) z[i] = (local - mean * w) / (s * Math.sqrt(spread));
  }
  return z;
}
