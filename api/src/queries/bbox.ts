import { badParameter } from './query-error';

export interface Bbox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * `west,south,east,north` in degrees. west > east is read as crossing the antimeridian, which only
 * makes sense from the eastern hemisphere into the western (west > 0, east < 0): anything else with
 * west > east is a swapped pair and rejected.
 */
export function parseBbox(text: string): Bbox {
  const parts = text.split(',').map(Number);
  if (parts.length !== 4 || parts.some((x) => !Number.isFinite(x))) {
    throw badParameter('bbox', 'expected four numbers west,south,east,north');
  }
  const [west, south, east, north] = parts as [number, number, number, number];
  if (Math.abs(west) > 180 || Math.abs(east) > 180) {
    throw badParameter('bbox', 'west and east must be longitudes from -180 to 180');
  }
  if (Math.abs(south) > 90 || Math.abs(north) > 90) {
    throw badParameter('bbox', 'south and north must be latitudes from -90 to 90');
  }
  if (south > north) throw badParameter('bbox', `south (${south}) is greater than north (${north})`);
  if (west > east && !(west > 0 && east < 0)) {
    throw badParameter(
      'bbox',
      `west (${west}) is greater than east (${east}) and that is not an antimeridian crossing (west > 0, east < 0)`,
    );
  }
  return { west, south, east, north };
}
