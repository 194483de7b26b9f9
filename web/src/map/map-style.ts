import type { GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';
import { streetBasemapStyle } from './street-basemap';
import type { Basemap } from './use-basemap';

/**
 * The style a map is created with: the server's street archive when it has one, else the external
 * style it opted in to, else the screen's own offline outline style.
 */
export function mapStyle(
  basemap: Basemap,
  flavor: 'light' | 'dark',
  districts: GeoJSONSourceSpecification['data'],
  offline: () => string | StyleSpecification,
): string | StyleSpecification {
  if (basemap?.kind === 'pmtiles') return streetBasemapStyle(basemap, flavor, districts);
  if (basemap?.kind === 'style') return basemap.url;
  return offline();
}
