import { getHexagonAreaAvg, POLYGON_TO_CELLS_FLAGS, polygonToCellsExperimental } from 'h3-js';
import { cellToBigInt } from '../h3/cell-bigint';
import type { Resolution } from '../h3/resolutions';
import { cellOverlapsBbox } from './cell-overlaps-bbox';
import type { Bbox } from './parse-bbox';

/** Beyond this many cells a view is answered from messages in the bbox instead (see cellsInBbox). */
export const MAX_BBOX_CELLS = 20_000;

const EARTH_RADIUS_KM = 6371.0088;

/**
 * The cells at `res` in view by cellOverlapsBbox, as bigints: a map shows whole cells, so a cell cut by
 * the viewport edge keeps its full count. H3 lists the candidates, the rule decides. null when the bbox
 * would hold more than `max` cells (estimated from its area).
 */
export function cellsInBbox(bbox: Bbox, res: Resolution, max = MAX_BBOX_CELLS): bigint[] | null {
  const parts =
    bbox.west <= bbox.east
      ? [[bbox.west, bbox.east] as const]
      : [[bbox.west, 180] as const, [-180, bbox.east] as const];
  const area = parts.reduce((sum, [w, e]) => sum + sphericalArea(w, bbox.south, e, bbox.north), 0);
  // The overlapping cells add about one ring around the bbox: count it in before computing anything.
  const ringAllowance = 1.3;
  if ((area / getHexagonAreaAvg(res, 'km2')) * ringAllowance > max) return null;
  const cells = new Set<string>();
  for (const [w, e] of parts) {
    const ring = [
      [bbox.south, w],
      [bbox.south, e],
      [bbox.north, e],
      [bbox.north, w],
    ];
    for (const cell of polygonToCellsExperimental(ring, res, POLYGON_TO_CELLS_FLAGS.containmentOverlapping)) {
      if (cellOverlapsBbox(cell, bbox)) cells.add(cell);
    }
  }
  if (cells.size > max) return null;
  return [...cells].map(cellToBigInt);
}

/** Area in km2 of a lon/lat rectangle on the sphere. */
function sphericalArea(west: number, south: number, east: number, north: number): number {
  const rad = Math.PI / 180;
  return (
    EARTH_RADIUS_KM ** 2 *
    Math.abs((east - west) * rad) *
    Math.abs(Math.sin(north * rad) - Math.sin(south * rad))
  );
}
