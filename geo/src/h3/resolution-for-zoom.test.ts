import { cellToBoundary, latLngToCell } from 'h3-js';
import { describe, expect, test } from 'vitest';
import { resolutionForZoom } from './resolution-for-zoom';

const BUDAPEST = { lat: 47.4979, lon: 19.0402 };

/** Flat-to-flat width on screen of the cell under Budapest, with MapLibre's 512-px tiles. */
function cellWidthPx(zoom: number): number {
  const cell = latLngToCell(BUDAPEST.lat, BUDAPEST.lon, resolutionForZoom(zoom));
  const cos = Math.cos((BUDAPEST.lat * Math.PI) / 180);
  const metres = cellToBoundary(cell).map(([lat, lon]) => [lon * 111_320 * cos, lat * 110_574] as const);
  let across = 0;
  for (let i = 0; i < 3; i += 1) {
    const [a, b] = [metres[i], metres[i + 3]] as [readonly [number, number], readonly [number, number]];
    across += Math.hypot(a[0] - b[0], a[1] - b[1]) / 3;
  }
  const metresPerPx = (40_075_016.686 * cos) / (512 * 2 ** zoom);
  return (across * Math.sqrt(3)) / 2 / metresPerPx;
}

describe('resolutionForZoom', () => {
  test('zoom 8..16', () => {
    expect([8, 9, 10, 11, 12, 13, 14, 15, 16].map(resolutionForZoom)).toEqual([
      6, 7, 7, 8, 9, 10, 10, 10, 10,
    ]);
  });

  test.each([8, 9, 10, 11, 12, 13, 14])('around Budapest at zoom %i a cell is 18-48 px across', (zoom) => {
    const px = cellWidthPx(zoom);
    expect(px).toBeGreaterThanOrEqual(18);
    expect(px).toBeLessThanOrEqual(48);
  });

  test('clamped to 5..10', () => {
    expect(resolutionForZoom(0)).toBe(5);
    expect(resolutionForZoom(22)).toBe(10);
  });

  test('fractional zooms round to the nearest level', () => {
    expect(resolutionForZoom(10.8)).toBe(8);
  });
});
