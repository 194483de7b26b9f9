import { cellToBoundary } from 'h3-js';
import type { Bbox } from './parse-bbox';

type Point = readonly [lon: number, lat: number];

/**
 * The one bbox rule of the maps, staff and public: a cell is in view when its hexagon overlaps the box
 * (touching counts), edges taken as straight lines in degrees as H3 draws them. A map shows whole cells,
 * so a cell partly in view is shown, also when the box lies inside it or across its edge and holds
 * neither its centre nor a corner. Works across the antimeridian, for the box and for the cell.
 */
export function cellOverlapsBbox(cell: string, bbox: Bbox): boolean {
  const ring: Point[] = cellToBoundary(cell, true).map(([lon, lat]) => [lon, lat] as const);
  const lons = ring.map(([lon]) => lon);
  // A hexagon across 180° comes back with longitudes near +180 and −180: move it east to one piece.
  const wraps = Math.max(...lons) - Math.min(...lons) > 180;
  const polygon = wraps ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat] as const) : ring;
  const spans = bbox.crossesAntimeridian
    ? [
        [bbox.west, 180],
        [-180, bbox.east],
      ]
    : [[bbox.west, bbox.east]];
  return spans.some(([west, east]) =>
    [0, 360].some((shift) =>
      convexOverlapsRect(polygon, (west as number) + shift, bbox.south, (east as number) + shift, bbox.north),
    ),
  );
}

/**
 * Separating axis test: a convex polygon and a rectangle are apart exactly when some axis, a side of the
 * rectangle or a normal of an edge of the polygon, has their projections apart.
 */
function convexOverlapsRect(
  polygon: readonly Point[],
  west: number,
  south: number,
  east: number,
  north: number,
) {
  const lons = polygon.map(([lon]) => lon);
  const lats = polygon.map(([, lat]) => lat);
  if (Math.max(...lons) < west || Math.min(...lons) > east) return false;
  if (Math.max(...lats) < south || Math.min(...lats) > north) return false;
  const corners: Point[] = [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
  ];
  for (let i = 0; i < polygon.length; i++) {
    const [x1, y1] = polygon[i] as Point;
    const [x2, y2] = polygon[(i + 1) % polygon.length] as Point;
    const normal = [y1 - y2, x2 - x1] as const;
    const project = ([x, y]: Point) => x * normal[0] + y * normal[1];
    const ofPolygon = polygon.map(project);
    const ofRect = corners.map(project);
    if (Math.max(...ofRect) < Math.min(...ofPolygon) || Math.min(...ofRect) > Math.max(...ofPolygon)) {
      return false;
    }
  }
  return true;
}
