import { gridDisk } from 'h3-js';
import type { PlantedTruth } from './planted-clusters';

/** The emerging classes that say "this is new or growing": what a planted emerging cell should be. */
export const EMERGING_FOUND = new Set(['new-hot', 'consecutive-hot', 'intensifying-hot']);

export interface PlantedScore {
  /** Planted hotspot cells with bin ≥ 2, over all planted hotspot cells. */
  recall: number;
  /** Cells with bin ≥ 2 outside every planted cluster's margin, over all cells with bin ≥ 2 (0 when none). */
  fdp: number;
  discoveries: number;
  falseDiscoveries: number;
  /** Planted emerging cells classed new, consecutive or intensifying hot, over all planted emerging cells. */
  emergingShare: number;
}

/**
 * Scores a Gi* answer (at the truth's resolution, neighbourhood size k) and an emerging answer against planted
 * truth. Gi* tests a cell's neighbourhood sum, so a cell within k of a raised cell rightly stands out: a discovery
 * is true when it lies within radius + k of any planted centre, hotspot or emerging (the emerging clusters raise
 * the whole range's count too). Recall counts only the raised cells themselves.
 */
export function scorePlanted(
  truth: PlantedTruth,
  k: number,
  hotspots: readonly { h3: string; bin: number }[],
  emerging: readonly { h3: string; class: string }[],
): PlantedScore {
  const margin = new Set(
    [...truth.hotspots, ...truth.emerging].flatMap((c) => gridDisk(c.centre, truth.radius + k)),
  );
  const bins = new Map(hotspots.map((c) => [c.h3, c.bin]));
  const planted = truth.hotspots.flatMap((c) => c.cells);
  const found = planted.filter((h3) => (bins.get(h3) ?? 0) >= 2).length;
  const discovered = hotspots.filter((c) => c.bin >= 2);
  const falseDiscoveries = discovered.filter((c) => !margin.has(c.h3)).length;
  const classes = new Map(emerging.map((c) => [c.h3, c.class]));
  const emergingCells = truth.emerging.flatMap((c) => c.cells);
  const emergingFound = emergingCells.filter((h3) => EMERGING_FOUND.has(classes.get(h3) ?? '')).length;
  return {
    recall: planted.length === 0 ? 1 : found / planted.length,
    fdp: discovered.length === 0 ? 0 : falseDiscoveries / discovered.length,
    discoveries: discovered.length,
    falseDiscoveries,
    emergingShare: emergingCells.length === 0 ? 1 : emergingFound / emergingCells.length,
  };
}
