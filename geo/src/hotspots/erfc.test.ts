import { describe, expect, test } from 'vitest';
import { erfc } from './erfc';

/** Relative error, the measure Cody's approximations are accurate in. */
function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / Math.abs(expected);
}

describe('erfc', () => {
  // Expected values: mpmath.erfc at 40 significant digits, rounded to the nearest double.
  test.each([
    [-3, 1.9999779095030015],
    [-0.5, 1.5204998778130465],
    [0, 1],
    [1e-10, 0.999999999887162],
    [0.1, 0.887537083981715],
    [0.46875, 0.507386526782062],
    [0.47, 0.5062549491139179],
    [1, 0.15729920705028513],
    [2, 0.004677734981047266],
    [3.9, 3.4792248597231765e-8],
    [4, 1.541725790028002e-8],
    [4.1, 6.700027654084918e-9],
    [6, 2.1519736712498913e-17],
    [10, 2.088487583762545e-45],
    [26.5, 2.2109076642637343e-307],
  ])('erfc(%d) to 1e-15 relative', (x, expected) => {
    expect(relativeError(erfc(x), expected)).toBeLessThan(1e-15);
  });

  test('underflows to 0 far in the tail, and is 2 far on the left', () => {
    expect(erfc(30)).toBe(0);
    expect(erfc(-30)).toBe(2);
  });

  test('NaN in, NaN out', () => {
    expect(erfc(Number.NaN)).toBeNaN();
  });
});
