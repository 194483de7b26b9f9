import { describe, expect, test } from 'vitest';
import { giBins } from './gi-bins';

describe('giBins', () => {
  test('sign of z times the strictest FDR level passed: 3 at q = 0.01, 2 at 0.05, 1 at 0.10', () => {
    // m = 5. Adjusted (BH): 0.001 * 5 = 0.005 -> 3; 0.008 * 5/2 = 0.02 -> 2; 0.05 * 5/3 = 0.0833 -> 1;
    // 0.3 * 5/4 = 0.375 -> 0; 0.9 -> 0.
    const z = [-3.3, 2.65, 1.96, 1.04, 0.13];
    const p = [0.001, 0.008, 0.05, 0.3, 0.9];
    expect(giBins(z, p)).toEqual([-3, 2, 1, 0, 0]);
  });

  test('the correction is what demotes: p = 0.04 alone is bin 2, among 100 null cells it is not significant', () => {
    expect(giBins([2.05], [0.04])).toEqual([2]);
    const p = [0.04, ...new Array(99).fill(0.5)];
    expect(giBins(new Array(100).fill(2.05), p)[0]).toBe(0);
  });

  test('z = 0 is never a bin, whatever p says', () => {
    expect(giBins([0], [0])).toEqual([0]);
  });

  test('z and p of different lengths are refused', () => {
    expect(() => giBins([1, 2], [0.1])).toThrow(RangeError);
  });
});
