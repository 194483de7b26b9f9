import type { Sql } from '../db/database';

/** west, south, east, north of all loaded districts; null when none is loaded. */
export type Extent = [number, number, number, number];

export async function queryDistrictsExtent(sql: Sql): Promise<Extent | null> {
  const [row] = await sql<{ west: number | null; south: number; east: number; north: number }[]>`
    SELECT ST_XMin(e)::float8 AS west, ST_YMin(e)::float8 AS south,
           ST_XMax(e)::float8 AS east, ST_YMax(e)::float8 AS north
    FROM (SELECT ST_Extent(geom) AS e FROM districts) AS extent`;
  if (!row || row.west === null) return null;
  return [row.west, row.south, row.east, row.north];
}
