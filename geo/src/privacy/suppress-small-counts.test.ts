import { describe, expect, test } from 'vitest';
import { suppressSmallCounts } from './suppress-small-counts';

// Real res-8 cells: the one under central Budapest (47.4979, 19.0402) and three neighbours (B sorts before C).
const A = '881e037853fffff';
const B = '881e037851fffff';
const C = '881e037857fffff';
const D = '881e037819fffff';
const cells = (...counts: [string, number][]) => counts.map(([cell, count]) => ({ cell, count }));

describe('suppressSmallCounts', () => {
  test('nothing below k: everything shown', () => {
    expect(suppressSmallCounts(cells([A, 5], [B, 9]))).toEqual({
      cells: cells([A, 5], [B, 9]),
      suppressed: false,
      suppressedCells: 0,
      suppressedCount: 0,
    });
  });

  test('a count exactly at k is shown, one below is withheld', () => {
    const result = suppressSmallCounts(cells([A, 5], [B, 4], [C, 3], [D, 20]));
    expect(result.cells).toEqual(cells([A, 5], [D, 20]));
    expect(result.suppressedCount).toBe(7);
  });

  test('a single withheld cell would be total minus shown: the next smallest cell goes too', () => {
    const result = suppressSmallCounts(cells([A, 12], [B, 2], [C, 6], [D, 30]));
    expect(result).toEqual({
      cells: cells([A, 12], [D, 30]),
      suppressed: true,
      suppressedCells: 2,
      suppressedCount: 8,
    });
  });

  test('complementary suppression continues until the withheld sum reaches k', () => {
    const result = suppressSmallCounts(cells([A, 1], [B, 1], [C, 5], [D, 5]), { minCount: 10 });
    expect(result.cells).toEqual([]);
    expect(result.suppressedCount).toBe(12);
  });

  test('ties are broken by cell id, so the same cell is withheld on every request', () => {
    const forward = suppressSmallCounts(cells([C, 7], [B, 7], [A, 1]));
    const backward = suppressSmallCounts(cells([A, 1], [B, 7], [C, 7]));
    expect(forward.cells).toEqual(cells([C, 7]));
    expect(backward.cells).toEqual(cells([C, 7]));
  });

  test('all cells together below k: nothing shown and the withheld sum is not publishable', () => {
    expect(suppressSmallCounts(cells([A, 1], [B, 2]))).toEqual({
      cells: [],
      suppressed: true,
      suppressedCells: 2,
      suppressedCount: null,
    });
  });

  test('empty cells are dropped, not counted as withheld', () => {
    expect(suppressSmallCounts(cells([A, 0], [B, 8]))).toEqual({
      cells: cells([B, 8]),
      suppressed: false,
      suppressedCells: 0,
      suppressedCount: 0,
    });
  });

  test('no cells', () => {
    expect(suppressSmallCounts([])).toEqual({
      cells: [],
      suppressed: false,
      suppressedCells: 0,
      suppressedCount: 0,
    });
  });

  test('extra fields ride along', () => {
    const result = suppressSmallCounts([{ cell: A, count: 6, share: 0.5 }]);
    expect(result.cells[0]?.share).toBe(0.5);
  });

  test.each([0, -1, 2.5, Number.NaN])('minCount %d throws E_THRESHOLD_INVALID', (minCount) => {
    expect(() => suppressSmallCounts([], { minCount })).toThrow(
      expect.objectContaining({ code: 'E_THRESHOLD_INVALID' }),
    );
  });
});
