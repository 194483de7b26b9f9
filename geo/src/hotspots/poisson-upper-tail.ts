import { discreteUpperTail } from './discrete-upper-tail';

/**
 * P(X ≥ x) for X ~ Poisson(λ), x a non-negative integer; the regularized lower incomplete gamma P(x, λ).
 * ln pmf(x) = −λ + Σ_{j=1..x} ln(λ/j): x terms (x is a day's count), no log-gamma and so no cancellation.
 */
export function poissonUpperTail(x: number, lambda: number): number {
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`${x} is not a count`);
  if (!(lambda >= 0 && Number.isFinite(lambda))) throw new RangeError(`${lambda} is not a Poisson mean`);
  if (x === 0) return 1;
  if (lambda === 0) return 0;
  let logPmf = -lambda;
  for (let j = 1; j <= x; j++) logPmf += Math.log(lambda / j);
  return discreteUpperTail(x, Math.exp(logPmf), (k) => lambda / (k + 1), 0);
}
