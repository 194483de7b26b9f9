import { cellToLatLng } from 'h3-js';
import { describe, expect, test } from 'vitest';
import { cellBounds, unionBounds } from './focus-bounds';

describe('cellBounds', () => {
  test('surrounds the cell with a margin of neighbours (res 8, 3 rings: about 3 km each way)', () => {
    const cell = '881e031b3bfffff';
    const [lat, lon] = cellToLatLng(cell);
    const [west, south, east, north] = cellBounds(cell, 3);
    expect(west).toBeLessThan(lon);
    expect(east).toBeGreaterThan(lon);
    expect(south).toBeLessThan(lat);
    expect(north).toBeGreaterThan(lat);
    expect(north - south).toBeGreaterThan(0.04);
    expect(north - south).toBeLessThan(0.07);
  });
});

describe('unionBounds', () => {
  test('is the box around all boxes', () => {
    expect(
      unionBounds([
        [19, 47.4, 19.1, 47.5],
        [18.9, 47.45, 19.05, 47.6],
      ]),
    ).toEqual([18.9, 47.4, 19.1, 47.6]);
  });
  test('is undefined for no boxes', () => {
    expect(unionBounds([])).toBeUndefined();
  });
});
