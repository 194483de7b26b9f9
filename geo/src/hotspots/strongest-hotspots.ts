/**
 * The least bin a cell needs to be listed as a hotspot: 95 % confidence after the FDR correction. The 90 % level
 * lets more chance findings through (a list is "where to look first", a false alarm there costs a trip), and
 * bins ≥ 2 are what the planted-cluster score measures recall and false discoveries on (docs/hotspots.md).
 */
export const LISTED_HOTSPOT_BIN = 2;

/**
 * The strongest hot spots of a Gi* answer: cells with bin ≥ LISTED_HOTSPOT_BIN, highest z first (equal z: the
 * smaller id first), at most `limit`. The API names the places of exactly these; the staff list shows them.
 */
export function strongestHotspots<T extends { h3: string; z: number; bin: number }>(
  cells: readonly T[],
  limit: number,
): T[] {
  return cells
    .filter((cell) => cell.bin >= LISTED_HOTSPOT_BIN)
    .sort((a, b) => b.z - a.z || (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0))
    .slice(0, Math.max(0, limit));
}
