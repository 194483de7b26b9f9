import { getResolution, gridDisk, isValidCell } from 'h3-js';
import { GeoError } from '../errors';
import { assertNeighbourhoodK, DEFAULT_NEIGHBOURHOOD_K } from './neighbourhood-size';

export interface StudyAreaOptions {
  /** The neighbourhood size: cells within grid distance k of a cell with messages join as zeros. */
  k?: number;
  /** Cells that belong to the area whatever their count: the caller passes the cells whose centre lies in a
   * district in scope, so quiet parts of the region count as information too. Their rings are not added. */
  extraCells?: Iterable<string>;
}

/**
 * The study area of a Gi* answer at one resolution, sorted by cell id: every cell with a count above 0, the
 * cells within k of them (zeros), and the extra cells. Throws E_CELL_INVALID for a cell that is not an H3
 * index or is of another resolution than the rest.
 */
export function hotspotStudyArea(
  counts: ReadonlyMap<string, number>,
  options: StudyAreaOptions = {},
): string[] {
  const k = options.k ?? DEFAULT_NEIGHBOURHOOD_K;
  assertNeighbourhoodK(k);
  const area = new Set<string>();
  let resolution: number | undefined;
  const admit = (cell: string): void => {
    if (!isValidCell(cell)) throw new GeoError('E_CELL_INVALID', `"${cell}" is not an H3 cell`);
    const res = getResolution(cell);
    resolution ??= res;
    if (res !== resolution) {
      throw new GeoError('E_CELL_INVALID', `cells of resolutions ${resolution} and ${res} in one study area`);
    }
  };
  for (const [cell, count] of counts) {
    if (!(count >= 0 && Number.isFinite(count))) throw new RangeError(`count ${count} of ${cell}`);
    if (count === 0) continue;
    admit(cell);
    for (const near of gridDisk(cell, k)) area.add(near);
  }
  for (const cell of options.extraCells ?? []) {
    admit(cell);
    area.add(cell);
  }
  return [...area].sort();
}
