import type { readDistrictsFile } from '@heatmap/api';

type DistrictInput = Awaited<ReturnType<typeof readDistrictsFile>>[number];

/** A country-sized box (about European Russia): 30 degrees of longitude by 18 of latitude. */
const COUNTRY = { west: 28, south: 44, east: 58, north: 62 } as const;
const REGION_COLUMNS = 10;
const REGION_ROWS = 9;
/** 10 x 9 region slots minus the four corners and one more: 85 regions, as many as the country has. */
const EMPTY_SLOTS = new Set(['0,0', '9,0', '0,8', '9,8', '5,8']);

export interface Country {
  /** Every district: the file `heatmap districts` would load. */
  all: DistrictInput[];
  /** The districts of each region's city: where people live and write. */
  urban: DistrictInput[];
  regions: number;
}

/**
 * A deterministic country: 85 rectangular regions, each cut into a 3 x 3 grid of blocks whose middle
 * block (about 20 x 22 km) is the region's city, split into 6, 9 or 12 urban districts; each of the eight
 * outer blocks is split into 2 or 3 rural districts: 22 to 36 districts a region, about 2,500 in all.
 * Rectangles tile the box exactly (no gaps, no overlaps), so every point of it has one district.
 */
export function countryDistricts(seed = 14): Country {
  const random = mulberry32(seed);
  const all: DistrictInput[] = [];
  const urban: DistrictInput[] = [];
  const width = (COUNTRY.east - COUNTRY.west) / REGION_COLUMNS;
  const height = (COUNTRY.north - COUNTRY.south) / REGION_ROWS;
  let region = 0;
  for (let row = 0; row < REGION_ROWS; row++) {
    for (let column = 0; column < REGION_COLUMNS; column++) {
      if (EMPTY_SLOTS.has(`${column},${row}`)) continue;
      region++;
      const x0 = COUNTRY.west + column * width;
      const y0 = COUNTRY.south + row * height;
      // The city block: about a tenth of the region's width and height, somewhat off its centre.
      const xs = splits(x0, width, 0.4 + 0.08 * random(), 0.09 + 0.03 * random());
      const ys = splits(y0, height, 0.4 + 0.08 * random(), 0.09 + 0.03 * random());
      let district = 0;
      for (let by = 0; by < 3; by++) {
        for (let bx = 0; bx < 3; bx++) {
          const block = {
            x0: xs[bx] as number,
            x1: xs[bx + 1] as number,
            y0: ys[by] as number,
            y1: ys[by + 1] as number,
          };
          const city = bx === 1 && by === 1;
          const [across, down] = city
            ? ([
                [2, 3],
                [3, 3],
                [3, 4],
              ][Math.floor(random() * 3)] as [number, number])
            : random() < 0.5
              ? [2 + Math.floor(random() * 2), 1]
              : [1, 2 + Math.floor(random() * 2)];
          for (const rect of grid(block, across, down)) {
            district++;
            const name = `R${pad(region)} ${city ? 'город' : 'район'} ${pad(district)}`;
            const d: DistrictInput = { name, geometry: { type: 'Polygon', coordinates: [ring(rect)] } };
            all.push(d);
            if (city) urban.push(d);
          }
        }
      }
    }
  }
  return { all, urban, regions: region };
}

/** The four edges [start, a, b, end] of three blocks along one axis, the middle one `share` of `size`. */
function splits(start: number, size: number, at: number, share: number): number[] {
  return [start, start + at * size, start + (at + share) * size, start + size].map(round6);
}

interface Rect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function grid(r: Rect, across: number, down: number): Rect[] {
  const out: Rect[] = [];
  for (let j = 0; j < down; j++) {
    for (let i = 0; i < across; i++) {
      out.push({
        x0: round6(r.x0 + ((r.x1 - r.x0) * i) / across),
        x1: round6(r.x0 + ((r.x1 - r.x0) * (i + 1)) / across),
        y0: round6(r.y0 + ((r.y1 - r.y0) * j) / down),
        y1: round6(r.y0 + ((r.y1 - r.y0) * (j + 1)) / down),
      });
    }
  }
  return out;
}

function ring(r: Rect): number[][] {
  return [
    [r.x0, r.y0],
    [r.x1, r.y0],
    [r.x1, r.y1],
    [r.x0, r.y1],
    [r.x0, r.y0],
  ];
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const pad = (n: number) => String(n).padStart(2, '0');

/** A small seeded generator: the layout must not depend on the message generator's sequence. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
