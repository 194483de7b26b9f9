import { cellToBoundary } from 'h3-js';

/** West, south, east, north in degrees. */
export type Bounds = [number, number, number, number];

/** The bounds of H3 cells' hexagons (h3 hex ids); null for no cells. The region does not cross 180°. */
export function cellsBounds(cells: Iterable<string>): Bounds | null {
  let bounds: Bounds | null = null;
  for (const cell of cells) {
    for (const [lat, lon] of cellToBoundary(cell)) {
      bounds = bounds
        ? [
            Math.min(bounds[0], lon),
            Math.min(bounds[1], lat),
            Math.max(bounds[2], lon),
            Math.max(bounds[3], lat),
          ]
        : [lon, lat, lon, lat];
    }
  }
  return bounds;
}
