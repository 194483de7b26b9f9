import { gridDisk, gridDistance } from 'h3-js';
import { describe, expect, test } from 'vitest';
import { getisOrdGiStar } from './getis-ord-gi-star';
import { h3GiStar } from './h3-gi-star';
import { twoSidedP } from './two-sided-p';

const CENTRE = '881e037853fffff';

describe('h3GiStar', () => {
  test('hand-computed 7-cell disk, k = 1: messages in the centre only', () => {
    // Study area = the centre and its 6 neighbours, x = (c, 0, 0, 0, 0, 0, 0), n = 7.
    // x̄ = c/7, S = √(c²/7 − c²/49) = c√6/7.
    // A ring cell sees itself, the centre and its 2 ring neighbours (3 of its 6 neighbours are outside the area):
    // W = 4, Σ w·x = c, numerator c − 4c/7 = 3c/7, denominator (c√6/7)·√((7·4 − 16)/6) = c√12/7,
    // z = 3/√12 = √3/2 = 0.8660254037844386, whatever c.
    // The centre sees all 7 cells (W = n): its sum is the global sum, numerator and variance both 0, so z = 0.
    const cells = h3GiStar(new Map([[CENTRE, 6]]), { k: 1 });
    expect(cells).toHaveLength(7);
    for (const cell of cells) {
      const ring = cell.h3 !== CENTRE;
      expect(cell.count).toBe(ring ? 0 : 6);
      expect(Math.abs(cell.z - (ring ? Math.sqrt(3) / 2 : 0))).toBeLessThan(1e-12);
      expect(cell.p).toBe(twoSidedP(cell.z));
      // p = erfc(√3/2/√2) = 0.386 for the ring: nothing is significant.
      expect(cell.bin).toBe(0);
    }
  });

  test.each([1, 2, 3])(
    'equals the generic Gi* with neighbours found independently (grid distance <= k), k = %i',
    (k) => {
      const counts = new Map([
        [CENTRE, 40],
        ['881e037851fffff', 25],
        ['881e0378e3fffff', 3],
        ['881e037aa5fffff', 1],
      ]);
      const cells = h3GiStar(counts, { k });
      const ids = cells.map((cell) => cell.h3);
      const neighbours = ids.map((a) => ids.flatMap((b, j) => (gridDistance(a, b) <= k ? [j] : [])));
      const z = getisOrdGiStar(
        ids.map((id) => counts.get(id) ?? 0),
        neighbours,
      );
      cells.forEach((cell, i) => {
        expect(Math.abs(cell.z - (z[i] as number))).toBeLessThan(1e-12);
      });
      expect(cells.find((cell) => cell.h3 === CENTRE)?.z).toBeGreaterThan(1);
    },
  );

  test('a strong cluster in a quiet district is a significant hot spot, the quiet cells around are not', () => {
    const district = gridDisk(CENTRE, 6);
    const cells = h3GiStar(new Map([[CENTRE, 30]]), { k: 1, extraCells: district });
    expect(cells).toHaveLength(district.length);
    const centre = cells.find((cell) => cell.h3 === CENTRE);
    // 7 of 127 cells see the 30 messages; the z of the centre and its ring alike is far above 3.
    expect(centre?.z).toBeGreaterThan(3);
    expect(centre?.bin).toBe(3);
    expect(cells.filter((cell) => cell.bin > 0)).toHaveLength(7);
    expect(cells.filter((cell) => cell.bin < 0)).toHaveLength(0);
  });

  test('no messages: an empty answer', () => {
    expect(h3GiStar(new Map(), { k: 1 })).toEqual([]);
  });
});
