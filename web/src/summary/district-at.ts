import type { DistrictShape } from '../map/layers/district-layers';

function insideRing(lon: number, lat: number, ring: number[][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The district a point lies in (outer ring minus holes), or undefined outside them all. */
export function districtAt(
  lon: number,
  lat: number,
  districts: readonly DistrictShape[],
): DistrictShape | undefined {
  return districts.find((district) =>
    district.coordinates.some(
      (polygon) =>
        polygon[0] !== undefined &&
        insideRing(lon, lat, polygon[0]) &&
        !polygon.slice(1).some((hole) => insideRing(lon, lat, hole)),
    ),
  );
}
