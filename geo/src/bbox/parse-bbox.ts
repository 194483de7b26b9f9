import { GeoError } from '../errors';

export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
  /** west > east: the box runs east from `west` across 180° to `east`. */
  crossesAntimeridian: boolean;
}

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A bounding box from 'west,south,east,north' (degrees, WGS84, as in OGC and GeoJSON). Longitudes must lie in
 * [-180, 180] and latitudes in [-90, 90], with south <= north. west > east is read as a box that crosses the
 * antimeridian ('170,-10,-170,10' is 20° wide) when it runs from the eastern hemisphere into the western
 * (west > 0, east < 0); any other west > east ('19.3,47.3,18.9,47.6') is a swapped pair. Anything else
 * throws E_BBOX_INVALID.
 */
export function parseBbox(value: string): Bbox {
  const parts = typeof value === 'string' ? value.split(',').map((part) => part.trim()) : [];
  if (parts.length !== 4 || !parts.every((part) => NUMBER.test(part))) {
    throw new GeoError('E_BBOX_INVALID', `"${String(value)}" is not four comma-separated numbers`);
  }
  const [west, south, east, north] = parts.map(Number) as [number, number, number, number];
  if (![west, east].every((lon) => lon >= -180 && lon <= 180)) {
    throw new GeoError('E_BBOX_INVALID', 'Longitudes must lie in [-180, 180]');
  }
  if (![south, north].every((lat) => lat >= -90 && lat <= 90)) {
    throw new GeoError('E_BBOX_INVALID', 'Latitudes must lie in [-90, 90]');
  }
  if (south > north) throw new GeoError('E_BBOX_INVALID', 'south must not be greater than north');
  if (west > east && !(west > 0 && east < 0)) {
    throw new GeoError(
      'E_BBOX_INVALID',
      'west > east is only an antimeridian crossing from west > 0 to east < 0',
    );
  }
  return { west, south, east, north, crossesAntimeridian: west > east };
}
