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
  return studyAreaByLocalIj(seeds, extras, k) ?? studyAreaByGridDisk(seeds, extras, k);
}
