import { gridDisk, gridDistance, polygonToCells } from 'h3-js';

/**
 * An independent Gi* for the route tests, written from the formula in issue 10 with nothing from
 * @heatmap/geo: O(n²) sums over every pair, weights by gridDistance, BH by sorting, p by a series erfc.
 */
export interface OracleCell {
  h3: string;
  count: number;
  z: number;
  p: number;
  bin: number;
}

export function oracleStudyArea(
  counts: Map<string, number>,
  k: number,
  districtCells: Iterable<string>,
  ringsWithin?: Set<string>,
): string[] {
  const area = new Set<string>(districtCells);
  for (const [cell, count] of counts) {
    if (count <= 0) continue;
    area.add(cell);
    for (const near of gridDisk(cell, k)) if (!ringsWithin || ringsWithin.has(near)) area.add(near);
  }
  return [...area].sort();
}

function near(a: string, b: string, k: number): boolean {
  try {
    return gridDistance(a, b) <= k;
  } catch {
    return false;
  }
}

export function oracleGiStar(cells: string[], counts: Map<string, number>, k: number): OracleCell[] {
  const n = cells.length;
  const x = cells.map((c) => counts.get(c) ?? 0);
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(x.reduce((a, b) => a + b * b, 0) / n - mean * mean);
  const z = cells.map((ci) => {
    let wx = 0;
    let w = 0;
    let w2 = 0;
    cells.forEach((cj, j) => {
      const wij = near(ci, cj, k) ? 1 : 0;
      wx += wij * (x[j] as number);
      w += wij;
      w2 += wij * wij;
    });
    const denominator = s * Math.sqrt((n * w2 - w * w) / (n - 1));
    return denominator > 0 ? (wx - mean * w) / denominator : 0;
  });
  const p = z.map((v) => erfcBySeries(Math.abs(v) / Math.SQRT2));
  const order = p.map((_, i) => i).sort((a, b) => (p[a] as number) - (p[b] as number));
  const adjusted = new Array<number>(n);
  let running = 1;
  for (let r = n - 1; r >= 0; r--) {
    const i = order[r] as number;
    running = Math.min(running, ((p[i] as number) * n) / (r + 1));
    adjusted[i] = running;
  }
  return cells.map((h3, i) => {
    const q = adjusted[i] as number;
    const level = q <= 0.01 ? 3 : q <= 0.05 ? 2 : q <= 0.1 ? 1 : 0;
    return {
      h3,
      count: x[i] as number,
      z: z[i] as number,
      p: p[i] as number,
      bin: level === 0 ? 0 : Math.sign(z[i] as number) * level,
    };
  });
}

/** erfc from the Taylor series of erf (small x) or the continued fraction (large x), to ~1e-14. */
function erfcBySeries(x: number): number {
  if (x < 3) {
    let term = x;
    let sum = x;
    for (let n = 1; n < 200; n++) {
      term *= (-x * x) / n;
      sum += term / (2 * n + 1);
    }
    return 1 - (2 / Math.sqrt(Math.PI)) * sum;
  }
  let f = 0;
  for (let n = 60; n >= 1; n--) f = n / 2 / (x + f);
  return Math.exp(-x * x) / Math.sqrt(Math.PI) / (x + f);
}

/** Cells whose centre lies in a GeoJSON MultiPolygon. */
export function multiPolygonCells(geometry: { coordinates: number[][][][] }, res: number): string[] {
  return geometry.coordinates.flatMap((polygon) => polygonToCells(polygon, res, true));
}
