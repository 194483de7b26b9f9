import { describe, expect, test } from 'vitest';
import { poissonUpperTail } from './poisson-upper-tail';

describe('poissonUpperTail', () => {
  // Expected: mpmath, 40 digits, two ways that agree (the regularized lower gamma P(x, λ) and
  // 1 − e^−λ Σ_{k<x} λ^k/k!), rounded to the nearest double. P(X ≥ 10 | λ = 3) = 0.00110248813011548
  // (scipy.stats.poisson.sf(9, 3) agrees to 15 digits).
  test.each([
    [10, 3, 0.0011024881301154798],
    [5, 0.5, 0.00017211562995584078],
    [1, 0.5, 0.3934693402873666],
    [3, 3, 0.5768099188731565],
    [2, 7.5, 0.9952987828537434],
    [20, 5, 3.45213582091446e-7],
    [100, 50, 3.200065324585125e-10],
    [1000, 900, 0.0005499022657117829],
    [60, 10, 6.521903327818374e-27],
  ])('P(X >= %i | λ = %d) to 1e-12 relative', (x, lambda, expected) => {
    expect(Math.abs(poissonUpperTail(x, lambda) - expected) / expected).toBeLessThan(1e-12);
  });

  test('P(X >= 0) = 1; with λ = 0 any x >= 1 has probability 0', () => {
    expect(poissonUpperTail(0, 4)).toBe(1);
    expect(poissonUpperTail(3, 0)).toBe(0);
  });

  test('a count that is not a non-negative integer, or a bad mean, is refused', () => {
    expect(() => poissonUpperTail(2.5, 1)).toThrow(RangeError);
    expect(() => poissonUpperTail(-1, 1)).toThrow(RangeError);
    expect(() => poissonUpperTail(1, -1)).toThrow(RangeError);
    expect(() => poissonUpperTail(1, Number.NaN)).toThrow(RangeError);
  });
});
