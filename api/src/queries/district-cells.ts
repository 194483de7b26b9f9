import { cellOverlapsBbox, type Resolution } from '@heatmap/geo';
import { polygonToCells } from 'h3-js';
import type { Sql } from '../db/database';
import { all, type Fragment } from './filter-sql';
import type { MessageFilter } from './message-filter';

/** Cells per district at one resolution, for one data_version (district writes bump it too: 0001). */
interface CellsCache {
  version: string;
  byDistrict: Map<string, string[]>;
}

/** Enough for every resolution of a few hundred districts; the oldest entry goes first. */
const MAX_CACHED_DISTRICTS = 5_000;

/**
 * The cells whose centre lies inside a district the filter and scope allow (h3-js polygonToCells over the
 * district geometry): the quiet part of a Gi* study area. Computed once per (district, resolution) and
 * data_version; a district write bumps data_version, so a changed geometry is never served from the cache.
 * With a bbox, only those in view by the maps' rule (geo cellOverlapsBbox).
 */
export function createDistrictCells(sql: Sql) {
  const cache: CellsCache = { version: '', byDistrict: new Map() };
  return async (filter: MessageFilter, res: Resolution): Promise<string[]> => {
    const [version] = await sql<{ value: string }[]>`
      SELECT value FROM app_settings WHERE key = 'data_version'`;
    if (version?.value !== cache.version) {
      cache.version = version?.value ?? '';
      cache.byDistrict.clear();
    }
    const ids = (
      await sql<{ id: number }[]>`SELECT d.id FROM districts d WHERE ${districtConditions(sql, filter)}`
    ).map((row) => row.id);
    const missing = ids.filter((id) => !cache.byDistrict.has(`${res}:${id}`));
    if (missing.length > 0) {
      const rows = await sql<{ id: number; geometry: string }[]>`
        SELECT id, ST_AsGeoJSON(geom) AS geometry FROM districts WHERE id = ANY(${missing}::int[])`;
      for (const row of rows) {
        while (cache.byDistrict.size >= MAX_CACHED_DISTRICTS) {
          const oldest = cache.byDistrict.keys().next().value;
          if (oldest === undefined) break;
          cache.byDistrict.delete(oldest);
        }
        cache.byDistrict.set(`${res}:${row.id}`, cellsOfMultiPolygon(JSON.parse(row.geometry), res));
      }
    }
    const cells = new Set<string>();
    for (const id of ids) for (const cell of cache.byDistrict.get(`${res}:${id}`) ?? []) cells.add(cell);
    const bbox = filter.bbox;
    return bbox ? [...cells].filter((cell) => cellOverlapsBbox(cell, bbox)) : [...cells];
  };
}

export type DistrictCells = ReturnType<typeof createDistrictCells>;

function districtConditions(sql: Sql, filter: MessageFilter): Fragment {
  const conditions: Fragment[] = [];
  if (filter.districts) {
    conditions.push(
      sql`(d.id = ANY(${filter.districts.ids}::int[]) OR d.name = ANY(${filter.districts.names}::text[]))`,
    );
  }
  if (filter.scope) conditions.push(sql`d.id = ANY(${filter.scope.districtIds}::int[])`);
  return all(sql, conditions);
}

/** Districts are stored as MultiPolygons (0001); polygonToCells takes one polygon with its holes. */
function cellsOfMultiPolygon(geometry: { coordinates: number[][][][] }, res: Resolution): string[] {
  return geometry.coordinates.flatMap((polygon) => polygonToCells(polygon, res, true));
}
