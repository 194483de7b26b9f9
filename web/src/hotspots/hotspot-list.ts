import { LISTED_HOTSPOT_BIN, strongestHotspots } from '@heatmap/geo';
import type { HotspotMapCell } from '../api/types';

/** How many hot spots the sidebar lists; the staff request asks the API to name exactly these (`places`). */
export const HOTSPOT_LIST_LENGTH = 10;

export interface HotspotListItem {
  h3: string;
  /** "district, street" from the API (public: the street only where at least 5 messages name it). */
  place?: string;
  count?: number;
}

/**
 * The sidebar's hot spots. Staff answers carry z: the strongest by z (geo strongestHotspots, the rule the API
 * names places by). Public answers have bins only: bin ≥ 2, higher bin first, then the larger count the public
 * map shows (`counts`, from its /public/hexagons answer), then the cell id.
 */
export function hotspotList(
  cells: readonly HotspotMapCell[],
  counts?: ReadonlyMap<string, number | null>,
): HotspotListItem[] {
  const scored = cells.filter((cell): cell is HotspotMapCell & { z: number } => cell.z !== undefined);
  if (scored.length === cells.length && cells.length > 0) {
    return strongestHotspots(scored, HOTSPOT_LIST_LENGTH).map((cell) => ({
      h3: cell.h3,
      ...(cell.place ? { place: cell.place } : {}),
      ...(cell.count !== undefined ? { count: cell.count } : {}),
    }));
  }
  const countOf = (h3: string) => counts?.get(h3) ?? -1;
  return cells
    .filter((cell) => cell.bin >= LISTED_HOTSPOT_BIN)
    .sort((a, b) => b.bin - a.bin || countOf(b.h3) - countOf(a.h3) || (a.h3 < b.h3 ? -1 : 1))
    .slice(0, HOTSPOT_LIST_LENGTH)
    .map((cell) => {
      const count = counts?.get(cell.h3);
      return {
        h3: cell.h3,
        ...(cell.place ? { place: cell.place } : {}),
        ...(typeof count === 'number' ? { count } : {}),
      };
    });
}
