import { cellToBigInt, h3GiStar, type Resolution, strongestHotspots } from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Hotspots } from '../schemas/hotspots';
import type { DistrictCells } from './district-cells';
import { filtersDistrict } from './filter-sql';
import { queryHexagons } from './hexagons-query';
import type { MessageFilter } from './message-filter';
import { placeLabel, placesOf, staffAudience } from './places-query';

/**
 * Gi* hot and cold spots (docs/hotspots.md) for every cell of the study area: the cells with messages (counted
 * exactly as /hexagons counts them, the same query), their k-rings as zeros, and the cells whose centre lies in
 * a district the filter and scope allow. When the area is limited to districts (a municipal scope or a
 * district filter) rings stay inside those districts: outside them nothing was counted, so nothing is a zero.
 * The `places` strongest hot spots (geo strongestHotspots) carry a `place` (places-query: all time, the scope's and filter's districts).
 */
export async function queryHotspots(
  sql: Sql,
  timezone: string,
  districtCells: DistrictCells,
  filter: MessageFilter,
  res: Resolution,
  k: number,
  places = 0,
): Promise<Hotspots> {
  const counts = await cellCounts(sql, timezone, filter, res);
  const extra = await districtCells(filter, res);
  const limited = filtersDistrict(filter);
  const cells: Hotspots['cells'] = h3GiStar(counts, {
    k,
    extraCells: extra,
    ringsWithin: limited ? new Set(extra) : undefined,
  });
  const named = strongestHotspots(cells, places);
  if (named.length > 0) {
    const ids = named.map((cell) => cellToBigInt(cell.h3).toString());
    const found = await placesOf(sql, res, ids, staffAudience(filter));
    named.forEach((cell, i) => {
      cell.place = placeLabel(found.get(ids[i] as string));
    });
  }
  return {
    res,
    k,
    from: filter.from?.toISOString() ?? null,
    to: filter.to?.toISOString() ?? null,
    cells,
  };
}

/** Messages per cell at `res` under the filter, by the /hexagons query. */
export async function cellCounts(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  res: Resolution,
): Promise<Map<string, number>> {
  const hexagons = await queryHexagons(sql, timezone, filter, res);
  return new Map(hexagons.cells.map((cell) => [cell.h3, cell.count]));
}
