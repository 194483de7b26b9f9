import { describe, expect, test } from 'vitest';
import { mannKendall } from './mann-kendall';

describe('mannKendall', () => {
  test('worked example with ties: 1, 2, 2, 3, 2, 4', () => {
    // S = Σ_{k<j} sgn(x_j − x_k), row by row (k = the earlier value):
    //   1: vs 2, 2, 3, 2, 4 -> +5;  2: vs 2, 3, 2, 4 -> 0 +1 0 +1 = +2;  2: vs 3, 2, 4 -> +1 0 +1 = +2;
    //   3: vs 2, 4 -> −1 +1 = 0;    2: vs 4 -> +1.                                         S = 10.
    // Ties: one group of t = 3 (the 2s): t(t−1)(2t+5) = 3·2·11 = 66.
    // Var(S) = [n(n−1)(2n+5) − 66]/18 = (6·5·17 − 66)/18 = 444/18 = 24.666…
    // Z = (S − 1)/√Var = 9/√24.666… = 1.8121213490778656 (continuity correction).
    // p = erfc(Z/√2) = 0.0699674482984456 (mpmath, 40 digits).
    const result = mannKendall([1, 2, 2, 3, 2, 4]);
    expect(result.s).toBe(10);
    expect(result.variance).toBeCloseTo(444 / 18, 12);
    expect(Math.abs(result.z - 1.8121213490778656)).toBeLessThan(1e-12);
    expect(Math.abs(result.p - 0.0699674482984456)).toBeLessThan(1e-12);
  });

  test('a falling series mirrors it: S = −10, Z = (S + 1)/√Var', () => {
    const result = mannKendall([4, 2, 3, 2, 2, 1]);
    expect(result.s).toBe(-10);
    expect(Math.abs(result.z + 1.8121213490778656)).toBeLessThan(1e-12);
  });

  test('a strictly rising series of 10 without ties', () => {
    // S = 45 = n(n−1)/2, Var = 10·9·25/18 = 125, Z = 44/√125 = 3.9354796403…
    const result = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result.s).toBe(45);
    expect(result.variance).toBe(125);
    expect(Math.abs(result.z - 44 / Math.sqrt(125))).toBeLessThan(1e-14);
    expect(result.p).toBeLessThan(0.001);
  });

  test('no trend, all tied, or too short: Z = 0 and p = 1', () => {
    expect(mannKendall([1, 3, 2, 2, 3, 1])).toMatchObject({ s: 0, z: 0, p: 1 });
    expect(mannKendall([5, 5, 5, 5])).toMatchObject({ s: 0, variance: 0, z: 0, p: 1 });
    expect(mannKendall([5])).toMatchObject({ s: 0, z: 0, p: 1 });
    expect(mannKendall([])).toMatchObject({ s: 0, z: 0, p: 1 });
  });

  test('a value that is not a finite number is refused', () => {
    expect(() => mannKendall([1, Number.NaN, 2])).toThrow(RangeError);
  });
});
