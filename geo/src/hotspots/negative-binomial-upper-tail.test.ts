import { describe, expect, test } from 'vitest';
import { negativeBinomialUpperTail } from './negative-binomial-upper-tail';

describe('negativeBinomialUpperTail', () => {
  // Mean μ and size θ (variance μ + μ²/θ). Expected: mpmath, 40 digits, as the regularized incomplete beta
  // I_{1−p}(x, θ) with p = θ/(θ + μ), and independently as 1 − Σ_{k<x} Γ(k+θ)/(Γ(θ) k!) p^θ (1−p)^k.
  test.each([
    [10, 3, 2, 0.030233088],
    [5, 0.5, 0.1, 0.031794942358482285],
    [40, 5, 25 / 195, 0.031609525217629414],
    [3, 4, 1.5, 0.5609476400876953],
    [25, 10, 0.7, 0.10888496035286181],
    [2, 6, 30, 0.9747236786014755],
    [5, 0.5, 0.4, 0.012994598931282174],
    [5, 1, 7, 0.007330715889111161],
  ])('P(X >= %i | μ = %d, θ = %d) to 1e-12 relative', (x, mean, size, expected) => {
    expect(Math.abs(negativeBinomialUpperTail(x, mean, size) - expected) / expected).toBeLessThan(1e-12);
  });

  test('a huge size is the Poisson limit, without cancellation (θ = 1e9)', () => {
    // scipy.stats.nbinom.sf loses 8 digits here (0.0141873118637…); mpmath gives 0.014187312112685905.
    const p = negativeBinomialUpperTail(7, 2.5, 1e9);
    expect(Math.abs(p - 0.014187312112685905) / p).toBeLessThan(1e-12);
  });

  test('P(X >= 0) = 1', () => {
    expect(negativeBinomialUpperTail(0, 3, 2)).toBe(1);
  });

  test('a bad count, mean or size is refused', () => {
    expect(() => negativeBinomialUpperTail(1.5, 3, 2)).toThrow(RangeError);
    expect(() => negativeBinomialUpperTail(1, 0, 2)).toThrow(RangeError);
    expect(() => negativeBinomialUpperTail(1, 3, 0)).toThrow(RangeError);
  });
});
