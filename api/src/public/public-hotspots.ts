import { cellOverlapsBbox, type Resolution } from '@heatmap/geo';
import type { HeatmapQueries } from '../queries/heatmap-queries';
import type { MessageFilter } from '../queries/message-filter';
import type { PublicHotspots } from '../schemas/public-hotspots';
import { wholeRegion } from './public-aggregates';

/**
 * The public Gi* map: the staff computation over the whole region (never a session's scope), then only the
 * significant cells and their bins. No count, z or p: those are functions of the exact counts, withheld
 * ones included. A bbox only trims the list afterwards: were the study area and the FDR decided per bbox,
 * two boxes could be compared to learn about the cells between them.
 */
export async function publicHotspots(
  queries: HeatmapQueries,
  filter: MessageFilter,
  res: Resolution,
  k: number,
): Promise<PublicHotspots> {
  const result = await queries.hotspots(wholeRegion(filter), res, k);
  const { bbox } = filter;
  return {
    res,
    k,
    from: result.from,
    to: result.to,
    cells: result.cells
      .filter((cell) => cell.bin !== 0 && (!bbox || cellOverlapsBbox(cell.h3, bbox)))
      .map(({ h3, bin }) => ({ h3, bin })),
  };
}
