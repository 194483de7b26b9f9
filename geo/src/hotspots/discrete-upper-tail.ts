/** Below this share of the running sum a further term cannot change a double. */
const NEGLIGIBLE = 2 ** -56;

/**
 * P(X ≥ x) for a count distribution on 0, 1, 2, … from its pmf at x and the ratio r(k) = pmf(k+1)/pmf(k),
 * which must cross 1 at most once, from above (Poisson, negative binomial): the pmf rises to a mode, then falls.
 *
 * Past the mode (r(x) < 1) the tail is summed upwards from x; the terms fall at least geometrically, by
 * max(r(k), ratioLimit) where ratioLimit bounds the ratios still to come, so the sum stops once the rest is
 * provably negligible. At or below the mode the tail is 1 − P(X < x), summed downwards from x − 1: at most x
 * terms, and the result is large there, so the subtraction costs no relative accuracy. Every term is a
 * product of ratios, never a difference: a small p stays exact to a few ulps per term.
 */
export function discreteUpperTail(
  x: number,
  pmfAtX: number,
  ratio: (k: number) => number,
  ratioLimit: number,
): number {
  if (x <= 0) return 1;
  if (ratio(x) < 1) {
    let sum = pmfAtX;
    let term = pmfAtX;
    for (let k = x; term > 0; k++) {
      term *= ratio(k);
      sum += term;
      const fall = Math.max(ratio(k + 1), ratioLimit);
      if ((term * fall) / (1 - fall) <= sum * NEGLIGIBLE) break;
    }
    return Math.min(1, sum);
  }
  let below = 0;
  let term = pmfAtX;
  for (let k = x - 1; k >= 0; k--) {
    term /= ratio(k);
    below += term;
    if (term <= below * NEGLIGIBLE) break;
  }
  return Math.max(0, 1 - below);
}
