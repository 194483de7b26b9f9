import { gridDisk } from 'h3-js';
import { getisOrdGiStar } from './getis-ord-gi-star';
import { type GiBin, giBins } from './gi-bins';
import { DEFAULT_NEIGHBOURHOOD_K } from './neighbourhood-size';
import { hotspotStudyArea, type StudyAreaOptions } from './study-area';
import { twoSidedP } from './two-sided-p';

export interface HotspotCell {
  h3: string;
  /** The cell's own count (0 for a ring or district cell without messages). */
  count: number;
  /** Gi* z-score, unadjusted. */
  z: number;
  /** Two-sided p-value of z under the standard normal, unadjusted. */
  p: number;
  /** ±1/2/3 at FDR 0.10/0.05/0.01 over all cells of the answer, 0 when not significant. */
  bin: GiBin;
}

/**
 * Gi* hot and cold spots on the H3 grid: for every cell of the study area (see `hotspotStudyArea`), binary
 * weights w_ij = 1 for j in gridDisk(i, k) ∩ study area, then z, two-sided p and the FDR bin. Sorted by cell id.
 *
 * Cost: one gridDisk per cell and a hash lookup per disk member, O(n·|disk|) with |disk| = 7, 19 or 37.
 */
export function h3GiStar(counts: ReadonlyMap<string, number>, options: StudyAreaOptions = {}): HotspotCell[] {
  const k = options.k ?? DEFAULT_NEIGHBOURHOOD_K;
  const cells = hotspotStudyArea(counts, options);
  const index = new Map(cells.map((cell, i) => [cell, i]));
  const neighbours = cells.map((cell) => {
    const inArea: number[] = [];
    for (const near of gridDisk(cell, k)) {
      const j = index.get(near);
      if (j !== undefined) inArea.push(j);
    }
    return inArea;
  });
  const values = cells.map((cell) => counts.get(cell) ?? 0);
  const z = getisOrdGiStar(values, neighbours);
  const p = z.map(twoSidedP);
  const bins = giBins(z, p);
  return cells.map((h3, i) => ({
    h3,
    count: values[i] as number,
    z: z[i] as number,
    p: p[i] as number,
    bin: bins[i] as GiBin,
  }));
}
