import { writeFileSync } from 'node:fs';
import { type PmtilesTile, writePmtiles } from '@heatmap/api/test-support';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';

/** Where the fixture's two streets cross: in Budapest's I. district, the centre of the test's views. */
export const CROSSING = { lat: 47.497, lon: 19.036 };
export const STREET_NAMES = { east: 'Próba utca', north: 'Teszt körút' };
/** west, south, east, north */
const BOUNDS: [number, number, number, number] = [18.99, 47.47, 19.08, 47.52];
const ZOOMS = [10, 11, 12, 13, 14, 15];

function road(name: string, coordinates: [number, number][]) {
  return {
    type: 'Feature' as const,
    properties: { kind: 'major_road', name, 'name:hu': name, min_zoom: 10 },
    geometry: { type: 'LineString' as const, coordinates },
  };
}

/**
 * A small real PMTiles archive in the Protomaps schema (layers `earth` and `roads`): land over the
 * bounds, one street running east through CROSSING and one running north, vector tiles at zooms 10–15.
 */
export function writeStreetArchive(path: string): void {
  const [west, south, east, north] = BOUNDS;
  const earth = new GeoJSONVT(
    {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { kind: 'earth' },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [west, south],
                [east, south],
                [east, north],
                [west, north],
                [west, south],
              ],
            ],
          },
        },
      ],
    },
    { maxZoom: 15, indexMaxZoom: 15, buffer: 64 },
  );
  const roads = new GeoJSONVT(
    {
      type: 'FeatureCollection',
      features: [
        road(STREET_NAMES.east, [
          [west + 0.005, CROSSING.lat],
          [east - 0.005, CROSSING.lat],
        ]),
        road(STREET_NAMES.north, [
          [CROSSING.lon, south + 0.005],
          [CROSSING.lon, north - 0.005],
        ]),
      ],
    },
    { maxZoom: 15, indexMaxZoom: 15, buffer: 64 },
  );
  const tiles: PmtilesTile[] = [];
  for (const z of ZOOMS) {
    const [x0, y0] = tileOf(west, north, z);
    const [x1, y1] = tileOf(east, south, z);
    for (let x = x0; x <= x1; x += 1) {
      for (let y = y0; y <= y1; y += 1) {
        const layers = Object.fromEntries(
          Object.entries({ earth: earth.getTile(z, x, y), roads: roads.getTile(z, x, y) }).filter(
            (entry): entry is [string, NonNullable<(typeof entry)[1]>] => entry[1] !== null,
          ),
        );
        if (Object.keys(layers).length > 0)
          tiles.push({ z, x, y, data: fromGeojsonVt(layers, { version: 2, extent: 4096 }) });
      }
    }
  }
  writeFileSync(path, writePmtiles({ tiles, bounds: BOUNDS, metadata: { name: 'test streets' } }));
}

function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return [
    Math.floor(((lon + 180) / 360) * n),
    Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n),
  ];
}
