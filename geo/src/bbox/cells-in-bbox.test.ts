import { booleanIntersects, polygon } from '@turf/turf';
import { cellToBoundary, getResolution, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, test } from 'vitest';
import { cellsInBbox } from './cells-in-bbox';
import { parseBbox } from './parse-bbox';

const hex = (cell: bigint) => cell.toString(16);

/** Independent check: the hexagon and the bbox as turf polygons. */
function overlaps(cell: string, bbox: { west: number; south: number; east: number; north: number }) {
  const ring = cellToBoundary(cell, true);
  const box = polygon([
    [
      [bbox.west, bbox.south],
      [bbox.east, bbox.south],
      [bbox.east, bbox.north],
      [bbox.west, bbox.north],
      [bbox.west, bbox.south],
    ],
  ]);
  return booleanIntersects(polygon([[...ring]]), box);
}

describe('cellsInBbox', () => {
  const bbox = parseBbox('19.03,47.47,19.09,47.52');

  test.each([7, 8, 9] as const)('res %i: exactly the cells whose hexagon overlaps the bbox', (res) => {
    const cells = (cellsInBbox(bbox, res) ?? []).map(hex);
    expect(cells.every((c) => getResolution(c) === res)).toBe(true);
    // Candidates well beyond the bbox: every cell within a few rings of those inside.
    const center = latLngToCell(47.495, 19.06, res);
    const candidates = gridDisk(center, res === 9 ? 40 : res === 8 ? 16 : 7);
    const expected = candidates.filter((c) => overlaps(c, bbox)).sort();
    expect(cells.sort()).toEqual(expected);
  });

  test('a cell cut by the bbox edge is included', () => {
    const cell = latLngToCell(47.5201, 19.06, 7); // just north of the bbox
    expect(overlaps(cell, bbox)).toBe(true);
    expect((cellsInBbox(bbox, 7) ?? []).map(hex)).toContain(cell);
  });

  test('too many cells: null, before computing them', () => {
    expect(cellsInBbox(parseBbox('16,45.7,23,48.6'), 10)).toBeNull();
    expect(cellsInBbox(parseBbox('16,45.7,23,48.6'), 5)?.length).toBeGreaterThan(10);
  });

  test('an antimeridian bbox takes cells on both sides', () => {
    const cells = (cellsInBbox(parseBbox('179.9,-17,-179.9,-16.9'), 7) ?? []).map(hex);
    expect(cells).toContain(latLngToCell(-16.95, 179.95, 7));
    expect(cells).toContain(latLngToCell(-16.95, -179.95, 7));
  });
});
