import { latLngToCell } from 'h3-js';
import { GeoError } from '../errors';
import { RESOLUTIONS, type Resolution } from './resolutions';

export type CellsByResolution = Record<Resolution, string>;

/**
 * The cell of a point at every served resolution. Each is computed from the point itself:
 * an H3 parent does not exactly contain its children, so cellToParent of the finest cell can
 * differ from the cell the point lies in near an edge.
 */
export function cellsForPoint(lat: number, lon: number): CellsByResolution {
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    throw new GeoError('E_LATLNG_DOMAIN', `(${lat}, ${lon}) is not a valid latitude/longitude`);
  }
  const cells = {} as CellsByResolution;
  for (const res of RESOLUTIONS) cells[res] = latLngToCell(lat, lon, res);
  return cells;
}
