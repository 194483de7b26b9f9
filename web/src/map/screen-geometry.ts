import { cellToLatLng } from 'h3-js';
import type { Districts, Meta } from '../api/types';
import { districtAt } from '../summary/district-at';
import type { UrlState } from '../url-state/url-state';
import { districtsBounds } from './bbox';
import type { DistrictShape } from './layers/district-layers';
import type { MapViewProps } from './MapView';

/** Budapest, for a database with no messages yet (no extent). */
const FALLBACK_BBOX: [number, number, number, number] = [18.93, 47.35, 19.34, 47.62];

/** Where the cell is, in words: the district its centre lies in. */
export function cellPlace(cell: string, shapes: readonly DistrictShape[]): string | undefined {
  const [lat, lon] = cellToLatLng(cell);
  return districtAt(lon, lat, shapes)?.name;
}

/** The cell's centre, for the camera to fly to. */
export function cellCenter(cell: string): { lon: number; lat: number } {
  const [lat, lon] = cellToLatLng(cell);
  return { lon, lat };
}

export function shapesOf(districts: Districts): DistrictShape[] {
  return districts.features.map((feature) => ({
    id: feature.id,
    name: feature.properties.name,
    coordinates: feature.geometry.coordinates,
  }));
}

/** The first view: the link's, else a municipal user's own districts, else the data's extent. */
export function initialViewFor(
  url: Pick<UrlState, 'lat' | 'lon' | 'z'>,
  meta: Meta,
  scope: readonly string[] | undefined,
): MapViewProps['initialView'] {
  if (url.lat !== undefined && url.lon !== undefined)
    return { lat: url.lat, lon: url.lon, zoom: url.z ?? 11 };
  const own = scope?.length ? districtsBounds(meta.districts, scope) : null;
  if (own) return { bounds: own };
  const bbox = meta.extent.bbox;
  return { bounds: bbox ? (bbox as [number, number, number, number]) : FALLBACK_BBOX };
}
