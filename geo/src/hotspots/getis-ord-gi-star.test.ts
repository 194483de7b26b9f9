import { describe, expect, test } from 'vitest';
import { getisOrdGiStar } from './getis-ord-gi-star';

describe('getisOrdGiStar', () => {
  test("PySAL esda's G_Local example (distance band 15, binary, star) to 1e-8", () => {
    // Points (10,10), (20,10), (40,10), (15,20), (30,20), (30,30): pairs within Euclidean 15, plus self.
    // 0-1: 10; 0-3, 1-3: 11.18; 1-4, 2-4: 14.14; 3-4: exactly 15 (kept); 4-5: 10; all other pairs > 15.
    const neighbours = [
      [0, 1, 3],
      [0, 1, 3, 4],
      [2, 4],
      [0, 1, 3, 4],
      [1, 2, 3, 4, 5],
      [4, 5],
    ];
    const z = getisOrdGiStar([2, 3, 3.2, 5, 8, 7], neighbours);
    const expected = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331];
    z.forEach((value, i) => {
      expect(Math.abs(value - (expected[i] as number))).toBeLessThan(1e-8);
    });
  });

  test('all values equal (S = 0): z = 0 everywhere, not NaN', () => {
    expect(
      getisOrdGiStar(
        [4, 4, 4],
        [
          [0, 1],
          [0, 1, 2],
          [1, 2],
        ],
      ),
    ).toEqual([0, 0, 0]);
  });

  test('fewer than two cells: z = 0', () => {
    expect(getisOrdGiStar([5], [[0]])).toEqual([0]);
    expect(getisOrdGiStar([], [])).toEqual([]);
  });

  test('a cell whose neighbourhood is the whole area has z = 0 (nothing to compare with)', () => {
    // Cell 0 sees all three cells: numerator and variance are both 0.
    const z = getisOrdGiStar(
      [9, 0, 0],
      [
        [0, 1, 2],
        [0, 1],
        [0, 2],
      ],
    );
    expect(z[0]).toBe(0);
    expect(z[1]).toBeGreaterThan(0);
  });

  test('a neighbour index out of range is refused', () => {
    expect(() => getisOrdGiStar([1, 2], [[0, 2], [1]])).toThrow(RangeError);
    expect(() => getisOrdGiStar([1, 2], [[0]])).toThrow(RangeError);
  });
});
