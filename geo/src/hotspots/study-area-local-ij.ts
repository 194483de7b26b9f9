import { cellToLocalIj, getBaseCellNumber, getPentagons, localIjToCell } from 'h3-js';
import { diskOffsets } from './disk-offsets';
import type { StudyArea } from './study-area-types';

const PENTAGON_BASE_CELLS = new Set(getPentagons(0).map(getBaseCellNumber));
/** 4M positions, a 16 MB table. */
const MAX_DENSE_POSITIONS = 2 ** 22;

/**
 * The H3 index layout puts the base cell in bits 45–51, i.e. hex digits 2–3 of the 15-digit id shifted by one;
 * reading it from the string spares a WebAssembly call per cell.
 */
function baseCell(cell: string): number {
  return Number.parseInt(cell.slice(2, 4), 16) >> 1;
}

/**
 * The same study area and weights as studyAreaByGridDisk, computed in the local IJ plane of one origin cell:
 * one cellToLocalIj per given cell, one localIjToCell per ring cell not given, then neighbours by integer
 * offsets and a hash lookup, O(n·|disk|) with no gridDisk call (several times faster: h3-js's per-call cost
 * dominates, and gridDisk makes a string per disk cell).
 *
 * Returns null where the plane cannot be trusted, and the caller falls back to gridDisk: any cell in one of
 * the 12 pentagon base cells (the plane has a missing wedge there), cells too far from the origin for H3 to
 * unfold (it throws), or two positions naming one cell.
 */
export function studyAreaByLocalIj(
  seeds: readonly string[],
  extras: readonly string[],
  k: number,
): StudyArea | null {
  const given = [...extras, ...seeds];
  const origin = given[0];
  if (origin === undefined) return { cells: [], neighbours: [] };
  const gi = new Int32Array(given.length);
  const gj = new Int32Array(given.length);
  try {
    given.forEach((cell, n) => {
      const { i, j } = cellToLocalIj(origin, cell);
      gi[n] = i;
      gj[n] = j;
    });
  } catch {
    return null;
  }
  // Positions are numbered row by row in the bounding box. Ring cells lie up to k outside it and their
  // neighbours are looked up up to 2k outside: the margin keeps every lookup inside its own row.
  let minI = Number.POSITIVE_INFINITY;
  let maxI = Number.NEGATIVE_INFINITY;
  let minJ = Number.POSITIVE_INFINITY;
  let maxJ = Number.NEGATIVE_INFINITY;
  for (let n = 0; n < given.length; n++) {
    minI = Math.min(minI, gi[n] as number);
    maxI = Math.max(maxI, gi[n] as number);
    minJ = Math.min(minJ, gj[n] as number);
    maxJ = Math.max(maxJ, gj[n] as number);
  }
  minI -= 2 * k;
  minJ -= 2 * k;
  const width = maxJ + 2 * k - minJ + 1;
  const size = (maxI + 2 * k - minI + 1) * width;
  const position = (i: number, j: number): number => (i - minI) * width + (j - minJ);
  // A dense table while the box is small enough (a city at res 10 is about 2M positions), else a hash.
  const dense = size <= MAX_DENSE_POSITIONS ? new Int32Array(size).fill(-1) : null;
  const sparse = new Map<number, number>();
  const slotAt = (at: number): number => (dense ? (dense[at] as number) : (sparse.get(at) ?? -1));

  const cells: string[] = [];
  const ci: number[] = [];
  const cj: number[] = [];
  const place = (i: number, j: number, cell: string): void => {
    const at = position(i, j);
    if (slotAt(at) >= 0) return;
    if (dense) dense[at] = cells.length;
    else sparse.set(at, cells.length);
    cells.push(cell);
    ci.push(i);
    cj.push(j);
  };
  for (let n = 0; n < given.length; n++) place(gi[n] as number, gj[n] as number, given[n] as string);
  const named = cells.length;
  const offsets = diskOffsets(k);
  for (let n = extras.length; n < given.length; n++) {
    for (const [di, dj] of offsets) place((gi[n] as number) + di, (gj[n] as number) + dj, '');
  }
  try {
    for (let a = named; a < cells.length; a++) {
      cells[a] = localIjToCell(origin, { i: ci[a] as number, j: cj[a] as number });
    }
  } catch {
    return null;
  }
  if (new Set(cells).size !== cells.length) return null;
  for (const cell of cells) if (PENTAGON_BASE_CELLS.has(baseCell(cell))) return null;

  const order = cells.map((_, a) => a).sort((a, b) => ((cells[a] as string) < (cells[b] as string) ? -1 : 1));
  const rank = new Int32Array(cells.length);
  order.forEach((a, r) => {
    rank[a] = r;
  });
  const neighbours = order.map((a) => {
    const inArea: number[] = [];
    for (const [di, dj] of offsets) {
      const near = slotAt(position((ci[a] as number) + di, (cj[a] as number) + dj));
      if (near >= 0) inArea.push(rank[near] as number);
    }
    return inArea;
  });
  return { cells: order.map((a) => cells[a] as string), neighbours };
}
