import { check } from '@placemarkio/check-geojson';
import { latLngToCell } from 'h3-js';
import { describe, expect, test } from 'vitest';
import { cellRing, hexagonsGeoJson, signedArea } from './hexagons-geojson';

const A = latLngToCell(47.4979, 19.0402, 8);
const B = latLngToCell(47.5, 19.1, 8);

describe('hexagonsGeoJson', () => {
  test('valid RFC 7946: lon/lat, closed counter-clockwise rings, the cell exactly as answered', () => {
    const publicAnswer = {
      res: 8,
      from: '2025-03-01',
      to: '2025-04-01',
      cells: [
        { h3: A, count: 12, open: null, medianAnswerMinutes: null },
        { h3: B, count: 7, open: 3, medianAnswerMinutes: 90 },
      ],
      total: 19,
      withheld: { entries: 1, count: null },
    };
    const collection = hexagonsGeoJson(publicAnswer);
    expect(() => check(JSON.stringify(collection))).not.toThrow();
    expect(collection.features.map((feature) => feature.properties)).toEqual(publicAnswer.cells);
    for (const feature of collection.features) {
      const [ring = []] = feature.geometry.coordinates;
      expect(ring).toHaveLength(7);
      expect(ring[0]).toEqual(ring[6]);
      expect(signedArea(ring)).toBeGreaterThan(0);
      const [lon = 0, lat = 0] = ring[0] ?? [];
      expect(lon).toBeGreaterThan(18.9);
      expect(lat).toBeGreaterThan(47.3);
    }
  });

  test('a clockwise ring is turned round', () => {
    const clockwise = [
      [0, 0],
      [0, 1],
      [1, 1],
      [0, 0],
    ];
    expect(signedArea(clockwise)).toBeLessThan(0);
    expect(signedArea(cellRing(A))).toBeGreaterThan(0);
  });
});
