import { booleanIntersects, polygon } from '@turf/turf';
import { cellToBoundary, cellToLatLng, gridDisk, latLngToCell } from 'h3-js';
import { describe, expect, test } from 'vitest';
import { cellOverlapsBbox } from './cell-overlaps-bbox';
import { cellsInBbox } from './cells-in-bbox';
import { parseBbox } from './parse-bbox';

/** A box of ±`half` degrees around a point, as the bbox parameter reads it. */
const boxAround = ([lat, lon]: readonly number[], half: number) =>
  parseBbox(
    [(lon as number) - half, (lat as number) - half, (lon as number) + half, (lat as number) + half].join(
      ',',
    ),
  );

/** Independent check: the hexagon and the bbox as turf polygons. */
function turfOverlaps(cell: string, bbox: { west: number; south: number; east: number; north: number }) {
  const box = [
    [bbox.west, bbox.south],
    [bbox.east, bbox.south],
    [bbox.east, bbox.north],
    [bbox.west, bbox.north],
    [bbox.west, bbox.south],
  ];
  return booleanIntersects(polygon([cellToBoundary(cell, true)]), polygon([box]));
}

const cell = latLngToCell(47.5, 19.06, 8);
const [centreLat, centreLon] = cellToLatLng(cell);

describe('cellOverlapsBbox', () => {
  test('a box strictly inside one cell, away from its centre and corners: that cell only', () => {
    const [cornerLat, cornerLon] = cellToBoundary(cell)[0] as [number, number];
    const bbox = boxAround([(centreLat + cornerLat) / 2, (centreLon + cornerLon) / 2], 0.0002);
    const inView = gridDisk(cell, 2).filter((c) => cellOverlapsBbox(c, bbox));
    expect(inView).toEqual([cell]);
  });

  test('a box across the edge between two cells: both, and no other', () => {
    const neighbour = gridDisk(cell, 1).find((c) => c !== cell) as string;
    const shared = cellToBoundary(cell).filter(([lat, lon]) =>
      cellToBoundary(neighbour).some(([la, lo]) => Math.abs(la - lat) < 1e-9 && Math.abs(lo - lon) < 1e-9),
    );
    expect(shared).toHaveLength(2);
    const [[lat1, lon1], [lat2, lon2]] = shared as [[number, number], [number, number]];
    const bbox = boxAround([(lat1 + lat2) / 2, (lon1 + lon2) / 2], 0.0002);
    expect(
      gridDisk(cell, 2)
        .filter((c) => cellOverlapsBbox(c, bbox))
        .sort(),
    ).toEqual([cell, neighbour].sort());
  });

  test('a box covering several cells: exactly the hexagons turf finds intersecting it', () => {
    const bbox = parseBbox('19.03,47.47,19.09,47.52');
    for (const res of [7, 8, 9] as const) {
      const candidates = gridDisk(latLngToCell(47.495, 19.06, res), res === 9 ? 40 : res === 8 ? 16 : 7);
      const ours = candidates.filter((c) => cellOverlapsBbox(c, bbox));
      expect(ours.length, String(res)).toBeGreaterThan(3);
      expect(ours, String(res)).toEqual(candidates.filter((c) => turfOverlaps(c, bbox)));
    }
  });

  test('a box that only comes near a cell leaves it out', () => {
    // Just beyond the cell's easternmost corner, and just over it.
    const [lat, east] = cellToBoundary(cell).reduce((e, c) =>
      (c[1] as number) > (e[1] as number) ? c : e,
    ) as [number, number];
    expect(
      cellOverlapsBbox(cell, parseBbox(`${east + 1e-6},${lat - 0.01},${east + 0.01},${lat + 0.01}`)),
    ).toBe(false);
    expect(
      cellOverlapsBbox(cell, parseBbox(`${east - 1e-6},${lat - 1e-6},${east + 0.01},${lat + 1e-6}`)),
    ).toBe(true);
  });

  test('across the antimeridian: the box, and a cell that straddles it', () => {
    const bbox = parseBbox('179.9,-17,-179.9,-16.9');
    expect(cellOverlapsBbox(latLngToCell(-16.95, 179.95, 7), bbox)).toBe(true);
    expect(cellOverlapsBbox(latLngToCell(-16.95, -179.95, 7), bbox)).toBe(true);
    expect(cellOverlapsBbox(latLngToCell(-16.95, 170, 7), bbox)).toBe(false);
    const straddling = latLngToCell(-16.95, 180, 5);
    expect(cellOverlapsBbox(straddling, parseBbox('179.99,-17,180,-16.9'))).toBe(true);
    expect(cellOverlapsBbox(straddling, parseBbox('-180,-17,-179.99,-16.9'))).toBe(true);
  });

  test('cellsInBbox lists exactly the cells the rule admits', () => {
    for (const text of [
      '19.03,47.47,19.09,47.52',
      '19.0601,47.5001,19.0603,47.5003',
      '179.9,-17,-179.9,-16.9',
    ]) {
      const bbox = parseBbox(text);
      const listed = (cellsInBbox(bbox, 8) ?? []).map((c) => c.toString(16)).sort();
      const [lat, lon] = [
        (bbox.south + bbox.north) / 2,
        bbox.crossesAntimeridian ? 180 : (bbox.west + bbox.east) / 2,
      ];
      const candidates = gridDisk(latLngToCell(lat, lon, 8), 30);
      expect(listed.length, text).toBeGreaterThan(0);
      expect(listed, text).toEqual(candidates.filter((c) => cellOverlapsBbox(c, bbox)).sort());
    }
  });
});
