import type { Resolution } from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Bucket } from '../schemas/timeline';
import { queryAlerts } from './alerts-query';
import { createDistrictCells } from './district-cells';
import { queryDistricts } from './districts-query';
import { type EmergingRequest, queryEmerging } from './emerging-query';
import { type HexagonsOptions, queryHexagons } from './hexagons-query';
import { queryHotspots } from './hotspots-query';
import type { FilterScope, MessageFilter } from './message-filter';
import {
  type CellMessagesRequest,
  queryCellMessages,
  queryMessage,
  queryMessagesForExport,
} from './messages-query';
import { queryMeta } from './meta-query';
import { searchPlaces } from './place-search-query';
import { type PlaceAudience, placesOf } from './places-query';
import { querySummary } from './summary-query';
import { queryTimeline } from './timeline-query';

/** The read queries bound to one database and region zone: what routes and exports call. */
export function createHeatmapQueries(sql: Sql, timezone: string) {
  const districtCells = createDistrictCells(sql);
  return {
    hotspots: (filter: MessageFilter, res: Resolution, k: number, places?: number) =>
      queryHotspots(sql, timezone, districtCells, filter, res, k, places),
    alerts: (filter: MessageFilter, request: { res: 7 | 8; day?: string }) =>
      queryAlerts(sql, timezone, filter, request),
    emerging: (filter: MessageFilter, request: EmergingRequest) =>
      queryEmerging(sql, timezone, districtCells, filter, request),
    hexagons: (filter: MessageFilter, res: Resolution, options?: HexagonsOptions) =>
      queryHexagons(sql, timezone, filter, res, options),
    timeline: (filter: MessageFilter, res: Resolution, bucket: Bucket) =>
      queryTimeline(sql, timezone, filter, res, bucket),
    cellMessages: (filter: MessageFilter, request: CellMessagesRequest) =>
      queryCellMessages(sql, filter, request),
    message: (id: string, filter: MessageFilter) => queryMessage(sql, id, filter),
    messagesForExport: (filter: MessageFilter, limit: number) => queryMessagesForExport(sql, filter, limit),
    districts: (filter: MessageFilter, options?: { medians: boolean; exact?: boolean }) =>
      queryDistricts(sql, timezone, filter, options),
    summary: (filter: MessageFilter, options: { res: Resolution; top: number }) =>
      querySummary(sql, timezone, filter, options),
    meta: (scope?: FilterScope) => queryMeta(sql, timezone, scope),
    places: (res: Resolution, cells: readonly string[], audience: PlaceAudience) =>
      placesOf(sql, res, cells, audience),
    searchPlaces: (query: string, audience: PlaceAudience) => searchPlaces(sql, query, audience),
  };
}

export type HeatmapQueries = ReturnType<typeof createHeatmapQueries>;
