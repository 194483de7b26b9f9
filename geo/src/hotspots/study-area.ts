import { isValidCell } from 'h3-js';
import { GeoError } from '../errors';
import { assertNeighbourhoodK, DEFAULT_NEIGHBOURHOOD_K } from './neighbourhood-size';
import { studyAreaByGridDisk } from './study-area-grid-disk';
import { studyAreaByLocalIj } from './study-area-local-ij';
import type { StudyArea } from './study-area-types';

export type { StudyArea } from './study-area-types';

export interface StudyAreaOptions {
  /** The neighbourhood size: cells within grid distance k of a cell with messages join as zeros. */
  k?: number;
  /** Cells that belong to the area whatever their count: the caller passes the cells whose centre lies in a
   * district in scope, so quiet parts of the region count as information too. Their rings are not added. */
  extraCells?: Iterable<string>;
  /** When the area is limited to some districts: ring cells join only if they are in this set (the extra
   * cells, typically), so a ring never reaches outside the districts; cells with messages always stay. */
  ringsWithin?: ReadonlySet<string>;
}

/** Lower-case hex, as h3-js writes ids: another spelling of a cell would count as a second cell. */
const CELL_ID = /^[0-9a-f]{15}$/;

/**
 * The study area of a Gi* answer at one resolution with its binary weights (w_ij = 1 for j in gridDisk(i, k)
 * inside the area): every cell with a count above 0, the cells within k of them (zeros), and the extra cells.
 * Throws E_CELL_INVALID for a cell that is not an H3 index or is of another resolution than the rest.
 * Built in the local IJ plane where that is exact, else by gridDisk; both give the same answer.
 */
export function hotspotStudyArea(
  counts: ReadonlyMap<string, number>,
  options: StudyAreaOptions = {},
): StudyArea {
  const k = options.k ?? DEFAULT_NEIGHBOURHOOD_K;
  assertNeighbourhoodK(k);
  let resolution: string | undefined;
  const admit = (cell: string): string => {
    if (!CELL_ID.test(cell) || !isValidCell(cell))
      throw new GeoError('E_CELL_INVALID', `"${cell}" is not an H3 cell`);
    // The second hex digit of an id is its resolution.
    resolution ??= cell[1];
    if (cell[1] !== resolution)
      throw new GeoError('E_CELL_INVALID', `cells of several resolutions in one study area`);
    return cell;
  };
  const seeds: string[] = [];
  for (const [cell, count] of counts) {
    if (!(count >= 0 && Number.isFinite(count))) throw new RangeError(`count ${count} of ${cell}`);
    if (count > 0) seeds.push(admit(cell));
  }
  const extras = [...(options.extraCells ?? [])].map(admit);
  const area = studyAreaByLocalIj(seeds, extras, k) ?? studyAreaByGridDisk(seeds, extras, k);
  const within = options.ringsWithin;
  if (!within) return area;
  const kept = new Set([...seeds, ...extras, ...within]);
  return restrictArea(area, (cell) => kept.has(cell));
}

/** The area without the cells `keep` rejects, the weights renumbered (still sorted, each with itself). */
function restrictArea(area: StudyArea, keep: (cell: string) => boolean): StudyArea {
  const index = new Int32Array(area.cells.length).fill(-1);
  const cells: string[] = [];
  area.cells.forEach((cell, i) => {
    if (!keep(cell)) return;
    index[i] = cells.length;
    cells.push(cell);
  });
  const neighbours: number[][] = [];
  area.cells.forEach((_, i) => {
    if ((index[i] as number) < 0) return;
    const list: number[] = [];
    for (const j of area.neighbours[i] as number[])
      if ((index[j] as number) >= 0) list.push(index[j] as number);
    neighbours.push(list);
  });
  return { cells, neighbours };
}
