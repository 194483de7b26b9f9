import { erfc } from './erfc';

/**
 * The two-sided p-value of a z-score under the standard normal: P(|Z| ≥ |z|) = erfc(|z|/√2). Two-sided
 * because a Gi* cell is tested for being either hot or cold (ArcGIS does the same).
 */
export function twoSidedP(z: number): number {
  return erfc(Math.abs(z) / Math.SQRT2);
}
