import type { Resolution } from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Bucket } from '../schemas/timeline';
import { queryAlerts } from './alerts-query';
import { createDistrictCells } from './district-cells';
import { queryDistricts } from './districts-query';
import { type EmergingRequest, queryEmerging } from './emerging-query';
import { resolveFilterNames } from './filter-names';
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

/**
 * The read queries bound to one database and region zone: what routes and exports call. Each resolves the
 * filter's category and source names first (resolveFilterNames), on the database that answers.
 */
export function createHeatmapQueries(sql: Sql, timezone: string) {
  const districtCells = createDistrictCells(sql);
  const ids = (filter: MessageFilter) => resolveFilterNames(sql, filter);
  return {
    hotspots: async (filter: MessageFilter, res: Resolution, k: number, places?: number) =>
      queryHotspots(sql, timezone, districtCells, await ids(filter), res, k, places),
    alerts: async (filter: MessageFilter, request: { res: 7 | 8; day?: string }) =>
      queryAlerts(sql, timezone, await ids(filter), request),
    emerging: async (filter: MessageFilter, request: EmergingRequest) =>
      queryEmerging(sql, timezone, districtCells, await ids(filter), request),
    hexagons: async (filter: MessageFilter, res: Resolution, options?: HexagonsOptions) =>
      queryHexagons(sql, timezone, await ids(filter), res, options),
    timeline: async (filter: MessageFilter, res: Resolution, bucket: Bucket) =>
      queryTimeline(sql, timezone, await ids(filter), res, bucket),
    cellMessages: async (filter: MessageFilter, request: CellMessagesRequest) =>
      queryCellMessages(sql, await ids(filter), request),
    message: async (id: string, filter: MessageFilter) => queryMessage(sql, id, await ids(filter)),
    messagesForExport: async (filter: MessageFilter, limit: number) =>
      queryMessagesForExport(sql, await ids(filter), limit),
    districts: async (filter: MessageFilter, options?: { medians: boolean; exact?: boolean }) =>
      queryDistricts(sql, timezone, await ids(filter), options),
    summary: async (filter: MessageFilter, options: { res: Resolution; top: number }) =>
      querySummary(sql, timezone, await ids(filter), options),
    meta: (scope?: FilterScope) => queryMeta(sql, timezone, scope),
    places: (res: Resolution, cells: readonly string[], audience: PlaceAudience) =>
      placesOf(sql, res, cells, audience),
    searchPlaces: (query: string, audience: PlaceAudience) => searchPlaces(sql, query, audience),
  };
}

export type HeatmapQueries = ReturnType<typeof createHeatmapQueries>;
