/**
 * Benjamini–Hochberg adjusted p-values, with the semantics of R's `p.adjust(p, method = "BH")`: sorted
 * ascending, the k-th smallest becomes min over j ≥ k of p_(j)·m/j, capped at 1; the output keeps the input
 * order. A test is significant at false discovery rate q exactly when its adjusted value is ≤ q, which is the
 * step-up rule "reject the k smallest, k the largest rank with p_(k) ≤ k·q/m" (Benjamini & Hochberg 1995), so
 * one adjustment serves every level.
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  for (const p of pValues) {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`${p} is not a p-value`);
  }
  const order = pValues.map((_, i) => i).sort((a, b) => (pValues[b] as number) - (pValues[a] as number));
  const adjusted = new Array<number>(m);
  let running = 1;
  order.forEach((index, position) => {
    const rank = m - position;
    // (m / rank) * p, in this order, as R computes it: equal inputs give bit-for-bit equal outputs.
    running = Math.min(running, (m / rank) * (pValues[index] as number));
    adjusted[index] = running;
  });
  return adjusted;
}
