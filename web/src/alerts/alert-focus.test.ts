import { resolutionForZoom } from '@heatmap/geo';
import { cellToLatLng, getResolution, latLngToCell } from 'h3-js';
import { describe, expect, test } from 'vitest';
import { alertFocusBounds, alertView } from './alert-focus';

const mercatorY = (lat: number) =>
  (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;

/** The zoom MapLibre's fitBounds picks for a box in a map of this size (512-px tiles, 40 px padding). */
function fittedZoom([west, south, east, north]: number[], width: number, height: number): number {
  const alongX = Math.log2((width - 80) / (((east ?? 0) - (west ?? 0)) / 360) / 512);
  const alongY = Math.log2((height - 80) / (mercatorY(south ?? 0) - mercatorY(north ?? 0)) / 512);
  return Math.min(alongX, alongY);
}

describe('alertFocusBounds', () => {
  test.each([7, 8])('the map flies to a zoom that draws res-%i cells, on small and large screens', (res) => {
    const cell = latLngToCell(47.4979, 19.0402, res);
    const box = alertFocusBounds(cell);
    for (const [width, height] of [
      [700, 600],
      [1000, 700],
      [1400, 900],
    ] as const) {
      expect(resolutionForZoom(fittedZoom(box, width, height)), `${width}x${height}`).toBe(
        getResolution(cell),
      );
    }
  });

  test('the cell lies in the middle of the box', () => {
    const cell = latLngToCell(47.4979, 19.0402, 8);
    const [west, south, east, north] = alertFocusBounds(cell);
    const [lat, lon] = cellToLatLng(cell);
    expect((west + east) / 2).toBeCloseTo(lon, 2);
    expect((south + north) / 2).toBeCloseTo(lat, 2);
  });
});

describe('alertView', () => {
  test("the cell, and the spike's day as a one-day window (local dates, to exclusive)", () => {
    expect(alertView('881e036281fffff', '2025-10-31')).toEqual({
      cell: '881e036281fffff',
      win: 'day',
      from: '2025-10-31',
      to: '2025-11-01',
    });
  });
});
