import { discreteUpperTail } from './discrete-upper-tail';

/**
 * P(X ≥ x) for a negative binomial with mean μ and size θ (variance μ + μ²/θ; success probability
 * p = θ/(θ + μ)), x a non-negative integer; the regularized incomplete beta I_{1−p}(x, θ).
 * ln pmf(x) = θ·ln p + Σ_{j<x} ln((θ + j)/(θ + μ) · μ/(j + 1)): each factor is formed as a ratio of nearby
 * quantities, so a huge θ (the Poisson limit) loses nothing to cancellation, unlike ln Γ(x + θ) − ln Γ(θ).
 */
export function negativeBinomialUpperTail(x: number, mean: number, size: number): number {
  if (!Number.isInteger(x) || x < 0) throw new RangeError(`${x} is not a count`);
  if (!(mean > 0 && Number.isFinite(mean))) throw new RangeError(`${mean} is not a negative binomial mean`);
  if (!(size > 0 && Number.isFinite(size))) throw new RangeError(`${size} is not a negative binomial size`);
  if (x === 0) return 1;
  const failure = mean / (size + mean);
  let logPmf = -size * Math.log1p(mean / size);
  for (let j = 0; j < x; j++) logPmf += Math.log(((size + j) / (size + mean)) * (mean / (j + 1)));
  return discreteUpperTail(x, Math.exp(logPmf), (k) => ((k + size) / (k + 1)) * failure, failure);
}
