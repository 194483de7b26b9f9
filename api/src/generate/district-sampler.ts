import type { DistrictInput } from '../repositories/districts-repository';
import { cumulative, type SeededRandom } from './seeded-random';

type Ring = number[][];
interface Shape {
  name: string;
  polygons: Ring[][];
  bbox: [number, number, number, number];
  area: number;
}

/** Draws points inside district polygons: area-weighted district, then rejection in its bounding box. */
export class DistrictSampler {
  private readonly shapes: Shape[];
  private readonly weights: Float64Array;

  constructor(districts: DistrictInput[]) {
    this.shapes = districts.map(toShape).filter((s) => s.area > 0);
    if (this.shapes.length === 0) throw new Error('no district polygons to place messages in');
    this.weights = cumulative(this.shapes.map((s) => s.area));
  }

  /** A uniform random point inside a district picked by area; returns its district name too. */
  point(random: SeededRandom): { lat: number; lon: number; district: string } {
    const shape = this.shapes[random.pick(this.weights)] as Shape;
    const [minLon, minLat, maxLon, maxLat] = shape.bbox;
    for (let attempt = 0; attempt < 1000; attempt++) {
      const lon = minLon + random.next() * (maxLon - minLon);
      const lat = minLat + random.next() * (maxLat - minLat);
      if (shape.polygons.some((p) => inPolygon(p, lon, lat))) return { lat, lon, district: shape.name };
    }
    return { lat: (minLat + maxLat) / 2, lon: (minLon + maxLon) / 2, district: shape.name };
  }
}

function toShape(d: DistrictInput): Shape {
  const polygons = (
    d.geometry.type === 'Polygon' ? [d.geometry.coordinates] : d.geometry.coordinates
  ) as Ring[][];
  const bbox: [number, number, number, number] = [180, 90, -180, -90];
  let area = 0;
  for (const polygon of polygons) {
    polygon.forEach((ring, i) => {
      area += (i === 0 ? 1 : -1) * Math.abs(ringArea(ring));
      for (const [x = 0, y = 0] of ring) {
        bbox[0] = Math.min(bbox[0], x);
        bbox[1] = Math.min(bbox[1], y);
        bbox[2] = Math.max(bbox[2], x);
        bbox[3] = Math.max(bbox[3], y);
      }
    });
  }
  return { name: d.name, polygons, bbox, area };
}

function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    sum += (xj - xi) * (yj + yi);
  }
  return sum / 2;
}

/** Even-odd ray casting over the outer ring and its holes. */
function inPolygon(polygon: Ring[], x: number, y: number): boolean {
  let inside = false;
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}
