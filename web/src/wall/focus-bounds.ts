import { cellToBoundary, gridDisk } from 'h3-js';

export type Bounds = [number, number, number, number];

/** The box around a cell and `rings` rings of neighbours: the hotspot with its surroundings. */
export function cellBounds(h3: string, rings = 3): Bounds {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const cell of gridDisk(h3, rings)) {
    for (const [lat, lon] of cellToBoundary(cell)) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return [west, south, east, north];
}

/** The box around several boxes (the districts a wall covers); undefined for none. */
export function unionBounds(boxes: readonly (readonly number[])[]): Bounds | undefined {
  if (boxes.length === 0) return undefined;
  const out: Bounds = [
    Number.POSITIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
  ];
  for (const [west = 0, south = 0, east = 0, north = 0] of boxes) {
    out[0] = Math.min(out[0], west);
    out[1] = Math.min(out[1], south);
    out[2] = Math.max(out[2], east);
    out[3] = Math.max(out[3], north);
  }
  return out;
}
