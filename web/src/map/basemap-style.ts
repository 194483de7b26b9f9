import type { GeoJSONSourceSpecification, StyleSpecification } from 'maplibre-gl';

type GeoJsonData = GeoJSONSourceSpecification['data'];

export const DISTRICT_SOURCE = 'districts';

/**
 * The offline basemap: no tiles, no glyphs, no sprites, only the district polygons the API serves
 * (loaded once by the app and handed in, so the labels and the outlines come from one request).
 * District names are drawn by deck.gl's TextLayer (see layers/district-layers.ts), which rasterises
 * system fonts on a canvas, so the style needs no glyph server: there is no internet where this runs.
 */
export function offlineBasemapStyle(districts: GeoJsonData): StyleSpecification {
  return {
    version: 8,
    name: 'heatmap-offline',
    sources: {
      [DISTRICT_SOURCE]: { type: 'geojson', data: districts },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#e6e9ee' } },
      {
        id: 'district-fill',
        type: 'fill',
        source: DISTRICT_SOURCE,
        paint: { 'fill-color': '#fbfbfc', 'fill-opacity': 1 },
      },
      {
        id: 'district-outline',
        type: 'line',
        source: DISTRICT_SOURCE,
        paint: {
          'line-color': '#7d8796',
          'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.8, 14, 2],
        },
      },
    ],
  };
}

/** A deployment's own style (a real tile server) wins; otherwise the offline one. */
export function basemapStyle(
  configuredUrl: string | undefined,
  districts: GeoJsonData,
): string | StyleSpecification {
  return configuredUrl?.trim() ? configuredUrl : offlineBasemapStyle(districts);
}
