import { getisOrdGiStar } from './getis-ord-gi-star';
import { type GiBin, giBins } from './gi-bins';
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
 * Cost O(n·|disk|), |disk| = 7, 19 or 37 (see hotspotStudyArea), plus a sort for the FDR.
 */
export function h3GiStar(counts: ReadonlyMap<string, number>, options: StudyAreaOptions = {}): HotspotCell[] {
  const { cells, neighbours } = hotspotStudyArea(counts, options);
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
