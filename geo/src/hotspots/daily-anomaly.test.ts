import { describe, expect, test } from 'vitest';
import { dailyAnomaly } from './daily-anomaly';

function closeTo(actual: number, expected: number): boolean {
  return Math.abs(actual - expected) / expected < 1e-12;
}

describe('dailyAnomaly', () => {
  test('steady history: Poisson with the 8-week mean', () => {
    const result = dailyAnomaly(10, [3, 3, 3, 3, 3, 3, 3, 3]);
    expect(result).toMatchObject({ observed: 10, expected: 3, variance: 0, model: 'poisson', size: null });
    expect(closeTo(result.p, 0.0011024881301154798)).toBe(true);
  });

  test('a quiet cell: the expected count is floored at 0.5', () => {
    const result = dailyAnomaly(5, [0, 0, 0, 0, 0, 0, 0, 0]);
    expect(result).toMatchObject({ expected: 0.5, model: 'poisson' });
    expect(closeTo(result.p, 0.00017211562995584078)).toBe(true);
  });

  test('variance not above the mean stays Poisson: 2, 3, 4, 3, 2, 3, 4, 3 (s² = 4/7)', () => {
    const result = dailyAnomaly(8, [2, 3, 4, 3, 2, 3, 4, 3]);
    expect(result.model).toBe('poisson');
    expect(result.variance).toBeCloseTo(4 / 7, 14);
  });

  test('an overdispersed history: negative binomial with θ = μ²/(s² − μ)', () => {
    // 0 ×7 and 40: μ = 5, s² = (7·25 + 35²)/7 = 200, θ = 25/195. P(X >= 40) = 0.031609525217629414
    // (mpmath, incomplete beta); Poisson would say 2e-21.
    const result = dailyAnomaly(40, [0, 0, 0, 0, 0, 0, 0, 40]);
    expect(result).toMatchObject({ expected: 5, variance: 200, model: 'negative-binomial' });
    expect(result.size).toBeCloseTo(25 / 195, 15);
    expect(closeTo(result.p, 0.031609525217629414)).toBe(true);
  });

  test('the sample variance (n − 1) decides: 0, 0, 0, 0, 2, 2, 2, 2 is overdispersed', () => {
    // μ = 1; Σ(x − μ)² = 8: population variance 8/8 = 1 (not above μ), sample variance 8/7 (above): θ = 7.
    const result = dailyAnomaly(5, [0, 0, 0, 0, 2, 2, 2, 2]);
    expect(result).toMatchObject({ model: 'negative-binomial' });
    expect(result.size).toBeCloseTo(7, 12);
    expect(closeTo(result.p, 0.007330715889111161)).toBe(true);
  });

  test('the floor also applies to the negative binomial mean: 3 then 0 ×7', () => {
    // mean 0.375 -> μ = 0.5; s² = (2.625² + 7·0.375²)/7 = 1.125 > 0.5: θ = 0.25/0.625 = 0.4.
    const result = dailyAnomaly(5, [3, 0, 0, 0, 0, 0, 0, 0]);
    expect(result).toMatchObject({ expected: 0.5, model: 'negative-binomial' });
    expect(result.size).toBeCloseTo(0.4, 14);
    expect(closeTo(result.p, 0.012994598931282174)).toBe(true);
  });

  test('a bad observed count or history is refused', () => {
    expect(() => dailyAnomaly(-1, [1, 2])).toThrow(RangeError);
    expect(() => dailyAnomaly(1, [1, Number.NaN])).toThrow(RangeError);
    expect(() => dailyAnomaly(1, [])).toThrow(RangeError);
  });
});
