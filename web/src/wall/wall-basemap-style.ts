import type { GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';
import { offlineBasemapStyle } from '../map/basemap-style';

/**
 * The offline basemap in the wall's dark palette: a near-black sea, dark district fills and light
 * outlines, so the viridis cells (dark purple to yellow) stand out across a room.
 */
export function wallBasemapStyle(districts: GeoJSONSourceSpecification['data']): StyleSpecification {
  const style = offlineBasemapStyle(districts);
  const paint: Record<string, Record<string, unknown>> = {
    background: { 'background-color': '#05070c' },
    'district-fill': { 'fill-color': '#141a26', 'fill-opacity': 1 },
    'district-outline': { 'line-color': '#5d6b82', 'line-width': 1.2 },
  };
  return {
    ...style,
    layers: style.layers.map((layer) =>
      paint[layer.id] ? ({ ...layer, paint: paint[layer.id] } as typeof layer) : layer,
    ),
  };
}
