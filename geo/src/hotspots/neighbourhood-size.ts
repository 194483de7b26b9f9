/** The k of a Gi* neighbourhood, gridDisk(cell, k): 1 by default, at most 3 (37 cells). */
export const DEFAULT_NEIGHBOURHOOD_K = 1;
export const MAX_NEIGHBOURHOOD_K = 3;

export function assertNeighbourhoodK(k: number): void {
  if (!Number.isInteger(k) || k < 1 || k > MAX_NEIGHBOURHOOD_K) {
    throw new RangeError(`k must be an integer from 1 to ${MAX_NEIGHBOURHOOD_K}, got ${k}`);
  }
}
