import { cellOverlapsBbox, cellToBigInt, type Resolution } from '@heatmap/geo';
import type { HeatmapQueries } from '../queries/heatmap-queries';
import type { MessageFilter } from '../queries/message-filter';
import { type PlaceAudience, placeLabel } from '../queries/places-query';
import type { PublicHotspots } from '../schemas/public-hotspots';
import { wholeRegion } from './public-aggregates';

/**
 * The public Gi* map: the staff computation over the whole region (never a session's scope), then only the
 * significant cells and their bins. No count, z or p: those are functions of the exact counts, withheld
 * ones included. A bbox only trims the list afterwards: were the study area and the FDR decided per bbox,
 * two boxes could be compared to learn about the cells between them. Each cell's `place` follows the public
 * street rule (places-query): its street only where at least 5 of its messages, over all time, name it.
 */
export async function publicHotspots(
  queries: HeatmapQueries,
  filter: MessageFilter,
  res: Resolution,
  k: number,
  audience: PlaceAudience,
): Promise<PublicHotspots> {
  const result = await queries.hotspots(wholeRegion(filter), res, k);
  const { bbox } = filter;
  const cells = result.cells.filter((cell) => cell.bin !== 0 && (!bbox || cellOverlapsBbox(cell.h3, bbox)));
  const ids = cells.map((cell) => cellToBigInt(cell.h3).toString());
  const places = await queries.places(res, ids, audience);
  return {
    res,
    k,
    from: result.from,
    to: result.to,
    cells: cells.map(({ h3, bin }, i) => ({ h3, bin, place: placeLabel(places.get(ids[i] as string)) })),
  };
}
