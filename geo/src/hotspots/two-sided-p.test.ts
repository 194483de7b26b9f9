import { describe, expect, test } from 'vitest';
import { twoSidedP } from './two-sided-p';

describe('twoSidedP', () => {
  // Expected: mpmath erfc(|z|/sqrt(2)) at 40 digits. The z are the usual 90/95/99 % critical values.
  test.each([
    [0, 1],
    [0.5, 0.6170750774519738],
    [1.6448536269514722, 0.1000000000000001],
    [1.959963984540054, 0.050000000000000024],
    [2.5758293035489004, 0.01000000000000001],
    [3, 0.002699796063260189],
    [5, 5.733031437583878e-7],
    [8.5, 1.8959069644406635e-17],
  ])('z = %d gives p = %d (1e-14 relative)', (z, expected) => {
    expect(Math.abs(twoSidedP(z) - expected) / expected).toBeLessThan(1e-14);
  });

  test('symmetric in z', () => {
    expect(twoSidedP(-2)).toBe(twoSidedP(2));
    expect(Math.abs(twoSidedP(-2) - 0.04550026389635842) / 0.0455).toBeLessThan(1e-14);
  });
});
