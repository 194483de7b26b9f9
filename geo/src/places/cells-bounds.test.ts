import { cellToBoundary, latLngToCell } from 'h3-js';
import { describe, expect, test } from 'vitest';
import { cellsBounds } from './cells-bounds';

describe('cellsBounds', () => {
  test('one cell: the extremes of its hexagon', () => {
    const cell = latLngToCell(47.5, 19.05, 9);
    const lats = cellToBoundary(cell).map(([lat]) => lat);
    const lons = cellToBoundary(cell).map(([, lon]) => lon);
    expect(cellsBounds([cell])).toEqual([
      Math.min(...lons),
      Math.min(...lats),
      Math.max(...lons),
      Math.max(...lats),
    ]);
  });

  test('two cells: one box around both; none: null', () => {
    const [w, s, e, n] = cellsBounds([latLngToCell(47.5, 19.0, 9), latLngToCell(47.6, 19.1, 9)]) ?? [];
    expect(w).toBeLessThan(19.0);
    expect(s).toBeLessThan(47.5);
    expect(e).toBeGreaterThan(19.1);
    expect(n).toBeGreaterThan(47.6);
    expect(cellsBounds([])).toBeNull();
  });
});
