import { cellToBoundary } from 'h3-js';
import type { Hexagons } from '../api/types';

type Ring = [number, number][];

export interface HexagonFeature {
  type: 'Feature';
  geometry: { type: 'Polygon'; coordinates: Ring[] };
  properties: Hexagons['cells'][number];
}

export interface HexagonCollection {
  type: 'FeatureCollection';
  features: HexagonFeature[];
}

/** Twice the signed area (shoelace): positive for a counter-clockwise ring in lon/lat. */
export function signedArea(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i += 1) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/** The cell's outline as an RFC 7946 exterior ring: lon/lat, closed, counter-clockwise. */
export function cellRing(h3: string): Ring {
  const ring = cellToBoundary(h3, true) as Ring;
  return signedArea(ring) < 0 ? ring.reverse() : ring;
}

/**
 * The hexagons the map has loaded, as GeoJSON. Each feature's properties are the cell exactly as the
 * API answered it, nothing computed or joined: the public map's file then carries only what the
 * public /hexagons answer already published (withheld values stay null), never more.
 */
export function hexagonsGeoJson(hexagons: Hexagons): HexagonCollection {
  return {
    type: 'FeatureCollection',
    features: hexagons.cells.map((cell) => ({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [cellRing(cell.h3)] },
      properties: { ...cell },
    })),
  };
}
