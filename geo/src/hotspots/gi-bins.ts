import { benjaminiHochberg } from './benjamini-hochberg';

/** A Gi* confidence bin as ArcGIS writes `Gi_Bin`: ±3, ±2, ±1 for 99, 95, 90 % confidence, 0 for none. */
export type GiBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;

/** The false discovery rates of the three bins, strictest first. */
export const GI_BIN_LEVELS = [0.01, 0.05, 0.1] as const;

/**
 * Bins for the cells of one answer from their z-scores and unadjusted two-sided p-values: sign(z) times 3, 2
 * or 1 for the strictest false discovery rate (0.01, 0.05, 0.10; Benjamini–Hochberg over all the cells
 * given) at which the cell is significant, else 0. z and p themselves stay unadjusted, as in ArcGIS.
 */
export function giBins(z: readonly number[], p: readonly number[]): GiBin[] {
  if (z.length !== p.length) throw new RangeError(`${z.length} z-scores for ${p.length} p-values`);
  const adjusted = benjaminiHochberg(p);
  return adjusted.map((q, i) => {
    const sign = Math.sign(z[i] as number);
    const level = GI_BIN_LEVELS.findIndex((rate) => q <= rate);
    return (level < 0 || sign === 0 ? 0 : sign * (3 - level)) as GiBin;
  });
}
