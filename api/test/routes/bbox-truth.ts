import { booleanIntersects, polygon } from '@turf/turf';
import { cellToBoundary } from 'h3-js';

/** A city-centre box for the bbox tests (west, south, east, north). */
export const BBOX = [19.03, 47.47, 19.09, 47.52] as const;
const BBOX_POLYGON = polygon([
  [
    [BBOX[0], BBOX[1]],
    [BBOX[2], BBOX[1]],
    [BBOX[2], BBOX[3]],
    [BBOX[0], BBOX[3]],
    [BBOX[0], BBOX[1]],
  ],
]);
const overlapping = new Map<string, boolean>();
/** turf's planar intersection of the cell's hexagon with the bbox, memoised per cell. */
export function hexagonOverlapsBbox(cell: string): boolean {
  let overlaps = overlapping.get(cell);
  if (overlaps === undefined) {
    overlaps = booleanIntersects(polygon([cellToBoundary(cell, true)]), BBOX_POLYGON);
    overlapping.set(cell, overlaps);
  }
  return overlaps;
}
