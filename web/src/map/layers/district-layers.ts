import type { GeoJsonLayerProps, TextLayerProps } from '@deck.gl/layers';
import type { ColorScale } from '../color-scale';

type Ring = number[][];
type MultiPolygon = Ring[][];

export interface DistrictShape {
  id: number;
  name: string;
  coordinates: MultiPolygon;
}

export interface DistrictLabel {
  name: string;
  position: [number, number];
}

function ringAreaAndCentroid(ring: Ring): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let index = 0; index < ring.length - 1; index += 1) {
    const [x0 = 0, y0 = 0] = ring[index] ?? [];
    const [x1 = 0, y1 = 0] = ring[index + 1] ?? [];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  area /= 2;
  return area === 0
    ? { area: 0, x: ring[0]?.[0] ?? 0, y: ring[0]?.[1] ?? 0 }
    : { area, x: x / (6 * area), y: y / (6 * area) };
}

/** Where a district's name goes: the centroid of its largest polygon's outer ring. */
export function labelPosition(coordinates: MultiPolygon): [number, number] {
  let best = { area: -1, x: 0, y: 0 };
  for (const polygon of coordinates) {
    const outer = polygon[0];
    if (!outer) continue;
    const candidate = ringAreaAndCentroid(outer);
    if (Math.abs(candidate.area) > best.area) best = { ...candidate, area: Math.abs(candidate.area) };
  }
  return [best.x, best.y];
}

export const DISTRICT_CHOROPLETH_LAYER_ID = 'district-choropleth';

export function districtLabelProps(
  districts: readonly DistrictShape[],
  dark: boolean,
): TextLayerProps<DistrictLabel> {
  return {
    id: 'district-labels',
    data: districts.map((district) => ({
      name: district.name,
      position: labelPosition(district.coordinates),
    })),
    getText: (label) => label.name,
    getPosition: (label) => label.position,
    getSize: 13,
    sizeUnits: 'pixels',
    // 'auto' collects the characters actually used (Hungarian or Cyrillic), not only ASCII.
    characterSet: 'auto',
    fontFamily: 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
    fontWeight: 600,
    getColor: dark ? [255, 255, 255, 235] : [33, 41, 54, 235],
    outlineWidth: 3,
    outlineColor: dark ? [20, 20, 30, 200] : [255, 255, 255, 220],
    fontSettings: { sdf: true },
    billboard: true,
    pickable: false,
  };
}

export interface DistrictValue extends DistrictShape {
  value: number;
}

/** The choropleth: districts coloured by the metric on the same kind of fixed scale as the hexagons. */
export function districtChoroplethProps(
  districts: readonly DistrictValue[],
  scale: ColorScale,
  metricKey: string,
): GeoJsonLayerProps {
  return {
    id: DISTRICT_CHOROPLETH_LAYER_ID,
    data: {
      type: 'FeatureCollection',
      features: districts.map((district, index) => ({
        type: 'Feature',
        id: district.id,
        properties: { index, name: district.name, value: district.value },
        geometry: { type: 'MultiPolygon', coordinates: district.coordinates },
      })),
    } as GeoJsonLayerProps['data'],
    pickable: true,
    stroked: true,
    filled: true,
    getFillColor: (feature: { properties: { value: number } }) => {
      const value = feature.properties.value;
      if (Number.isNaN(value)) return [0, 0, 0, 0];
      const [r, g, b] = scale.colorOf(value);
      return [r, g, b, 255];
    },
    getLineColor: [255, 255, 255, 255],
    lineWidthMinPixels: 1.5,
    updateTriggers: { getFillColor: [metricKey, scale.max, scale.transform] },
  } as GeoJsonLayerProps;
}
