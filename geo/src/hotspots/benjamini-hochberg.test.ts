import { describe, expect, test } from 'vitest';
import { benjaminiHochberg } from './benjamini-hochberg';

// Benjamini & Hochberg (1995), J. R. Statist. Soc. B 57(1), section 4.1: the 15 p-values of their example.
const BH_1995 = [
  0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528,
  0.759, 1,
];

describe('benjaminiHochberg', () => {
  test('the 1995 example: at q = 0.05 the four smallest are rejected', () => {
    // Step-up: p(4) = 0.0095 <= 4 * 0.05 / 15 = 0.01333; p(k) > k * 0.05 / 15 for every k from 5 to 15.
    const adjusted = benjaminiHochberg(BH_1995);
    expect(adjusted.map((p) => p <= 0.05)).toEqual([
      ...new Array(4).fill(true),
      ...new Array(11).fill(false),
    ]);
  });

  test("adjusted values as R's p.adjust(p, 'BH'): cumulative minimum of p(k) * m / k from the top, capped at 1", () => {
    // By hand, m = 15, from the largest down: 1 * 15/15 = 1; 0.759 * 15/14 = 0.813214…; 0.6528 * 15/13 = 0.753231;
    // 0.5719 * 15/12 = 0.714875; 0.4262 * 15/11 = 0.581182; 0.324 * 15/10 = 0.486; 0.0459 * 15/9 = 0.0765;
    // 0.0344 * 15/8 = 0.0645; 0.0298 * 15/7 = 0.063857; 0.0278 * 15/6 = 0.0695 -> min 0.063857;
    // 0.0201 * 15/5 = 0.0603; 0.0095 * 15/4 = 0.035625; 0.0019 * 15/3 = 0.0095; 0.0004 * 15/2 = 0.003;
    // 0.0001 * 15 = 0.0015.
    const expected = [
      0.0015,
      0.003,
      0.0095,
      0.035625,
      0.0603,
      0.0298 * (15 / 7),
      0.0298 * (15 / 7),
      0.0645,
      0.0765,
      0.486,
      0.4262 * (15 / 11),
      0.714875,
      0.6528 * (15 / 13),
      0.759 * (15 / 14),
      1,
    ];
    benjaminiHochberg(BH_1995).forEach((p, i) => {
      expect(Math.abs(p - (expected[i] as number))).toBeLessThan(1e-15);
    });
  });

  test('keeps the input order and gives ties the same value', () => {
    expect(benjaminiHochberg([0.04, 0.01, 0.04, 0.03])).toEqual([0.04, 0.04, 0.04, 0.04]);
    // 0.01 * 4/1 = 0.04; 0.03 * 4/2 = 0.06 -> min with later 0.04; ties at ranks 3 and 4 give 0.04 * 4/4.
  });

  test('never above 1; nothing in, nothing out', () => {
    expect(benjaminiHochberg([0.9, 0.8])).toEqual([0.9, 0.9]);
    expect(benjaminiHochberg([1, 1])).toEqual([1, 1]);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  test('a p-value outside [0, 1] or NaN is refused', () => {
    expect(() => benjaminiHochberg([0.5, Number.NaN])).toThrow(RangeError);
    expect(() => benjaminiHochberg([1.2])).toThrow(RangeError);
  });
});
