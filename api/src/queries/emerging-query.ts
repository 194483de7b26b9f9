import { cellToBigInt, emergingClass, h3GiStar, localDate, mannKendall, type Resolution } from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Emerging } from '../schemas/hotspots';
import type { DistrictCells } from './district-cells';
import { filtersDistrict, messageConditions } from './filter-sql';
import type { MessageFilter } from './message-filter';
import { placeLabel, placesOf, staffAudience } from './places-query';
import { stepCounts } from './step-counts';
import { addDays, type Day, localMidnight, stepBoundaries } from './step-windows';

export interface EmergingRequest {
  res: Resolution;
  k: number;
  step: 'week' | 'month';
  steps: number;
  /** Exclusive end day; default the day after the newest message in scope. */
  to?: Day;
}

/**
 * Emerging hot and cold spots (docs/hotspots.md §2): Gi* per step, each step with its own study area exactly
 * as /hotspots computes it for that step's window (a cell outside a step's area has z = 0 and bin 0 there),
 * then Mann–Kendall on each cell's z series and the class. Every cell of any step's area is in the answer.
 */
export async function queryEmerging(
  sql: Sql,
  timezone: string,
  districtCells: DistrictCells,
  filter: MessageFilter,
  request: EmergingRequest,
): Promise<Emerging> {
  const end = request.to ?? (await dayAfterNewest(sql, timezone, filter));
  const base = { res: request.res, k: request.k, step: request.step, steps: request.steps };
  if (end === null) return { ...base, from: null, to: null, cells: [] };
  const boundaries = stepBoundaries(request.step, request.steps, end);
  const counts = await stepCounts(sql, timezone, filter, request.res, request.step, boundaries);
  const extra = await districtCells(filter, request.res);
  const limited = filtersDistrict(filter);
  const ringsWithin = limited ? new Set(extra) : undefined;
  const series = new Map<string, { z: number[]; bins: number[] }>();
  counts.forEach((cellsOfStep, at) => {
    for (const cell of h3GiStar(cellsOfStep, { k: request.k, extraCells: extra, ringsWithin })) {
      let entry = series.get(cell.h3);
      if (!entry) {
        entry = { z: new Array(request.steps).fill(0), bins: new Array(request.steps).fill(0) };
        series.set(cell.h3, entry);
      }
      entry.z[at] = cell.z;
      entry.bins[at] = cell.bin;
    }
  });
  const cells: Emerging['cells'] = [...series.keys()].sort().map((h3) => {
    const { z, bins } = series.get(h3) as { z: number[]; bins: number[] };
    const { z: trendZ, p } = mannKendall(z);
    const trend = { z: trendZ, p };
    return { h3, class: emergingClass(bins, trend), trend, bins };
  });
  // The hot ones are what lists name (the wall's news): their places, in one read.
  const hot = cells.filter((cell) => cell.class.endsWith('-hot'));
  const ids = hot.map((cell) => cellToBigInt(cell.h3).toString());
  const places = await placesOf(sql, request.res, ids, staffAudience(filter));
  hot.forEach((cell, i) => {
    cell.place = placeLabel(places.get(ids[i] as string));
  });
  return {
    ...base,
    from: localMidnight(boundaries[0] as Day, timezone).toISOString(),
    to: localMidnight(boundaries[boundaries.length - 1] as Day, timezone).toISOString(),
    cells,
  };
}

/** max(created_at): the time and district indexes answer it, where local_day has no index. */
async function dayAfterNewest(sql: Sql, timezone: string, filter: MessageFilter): Promise<Day | null> {
  const [row] = await sql<{ newest: Date | string | null }[]>`
    SELECT max(m.created_at) AS newest FROM messages m
    WHERE ${messageConditions(sql, { districts: filter.districts, scope: filter.scope, categories: filter.categories })}`;
  return row?.newest ? addDays(localDate(new Date(row.newest), timezone), 1) : null;
}
