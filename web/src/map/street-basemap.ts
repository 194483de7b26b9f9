import { layers, namedFlavor } from '@protomaps/basemaps';
import maplibregl, { type GeoJSONSourceSpecification, type StyleSpecification } from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import { DISTRICT_SOURCE } from './basemap-style';

export const STREET_SOURCE = 'streets';

let protocolAdded = false;

/** MapLibre reads `pmtiles://` URLs by byte ranges of the one archive; registered once per page. */
function addPmtilesProtocol(): void {
  if (protocolAdded) return;
  maplibregl.addProtocol('pmtiles', new Protocol().tile);
  protocolAdded = true;
}

/**
 * Streets and place names from the server's PMTiles archive, drawn with Protomaps' style (light for
 * the staff and public maps, dark for the wall), with the district outlines on top.
 * No `glyphs` URL on purpose: MapLibre then draws every label with TinySDF from the browser's own
 * fonts, so no font server is asked (there is none we could ship: no npm package carries the glyph
 * PBFs). No sprite either: the icon layers (points of interest) are left out, the rest need none.
 */
export function streetBasemapStyle(
  basemap: { url: string; lang: string; attribution: string },
  flavor: 'light' | 'dark',
  districts: GeoJSONSourceSpecification['data'],
): StyleSpecification {
  addPmtilesProtocol();
  const palette = namedFlavor(flavor);
  const streetLayers = layers(STREET_SOURCE, palette, { lang: basemap.lang }).filter(
    (layer) => !(layer.layout && 'icon-image' in layer.layout),
  );
  return {
    version: 8,
    name: `heatmap-streets-${flavor}`,
    sources: {
      [STREET_SOURCE]: {
        type: 'vector',
        url: `pmtiles://${new URL(basemap.url, location.origin).href}`,
        attribution: basemap.attribution,
      },
      [DISTRICT_SOURCE]: { type: 'geojson', data: districts },
    },
    layers: [
      ...streetLayers,
      {
        id: 'district-outline',
        type: 'line',
        source: DISTRICT_SOURCE,
        paint: {
          'line-color': flavor === 'dark' ? '#5d6b82' : '#7d8796',
          'line-width': ['interpolate', ['linear'], ['zoom'], 9, 0.8, 14, 2],
          'line-dasharray': [3, 2],
        },
      },
    ],
  };
}
