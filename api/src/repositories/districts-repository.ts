import type { Sql } from '../db/database';

export interface DistrictInput {
  name: string;
  /** GeoJSON Polygon or MultiPolygon in WGS84. */
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

/**
 * Loads or replaces the districts (matched by name; districts absent from `districts` are
 * removed) and re-assigns every message whose district changed. Run inside a transaction:
 * the rollup triggers follow the re-assignment.
 */
export async function replaceDistricts(
  sql: Sql,
  districts: DistrictInput[],
): Promise<{ reassigned: number }> {
  const names = districts.map((d) => d.name);
  const geometries = districts.map((d) => JSON.stringify(d.geometry));
  await sql`DELETE FROM districts WHERE name <> ALL(${names}::text[])`;
  await sql`
    INSERT INTO districts (name, geom)
    SELECT name, ST_Multi(ST_MakeValid(ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326)))
    FROM unnest(${names}::text[], ${geometries}::text[]) AS t (name, geojson)
    ON CONFLICT (name) DO UPDATE SET geom = excluded.geom`;
  await sql`DELETE FROM district_parts`;
  await sql`
    INSERT INTO district_parts (district_id, geom)
    SELECT id, (ST_Dump(ST_Subdivide(geom, 64))).geom FROM districts`;
  const changed = await sql`
    WITH assigned AS (
      SELECT m.id,
             (SELECT dp.district_id FROM district_parts dp
               WHERE ST_Intersects(dp.geom, m.geom) ORDER BY dp.district_id LIMIT 1) AS district_id
      FROM messages m
    )
    UPDATE messages m SET district_id = a.district_id, updated_at = now()
    FROM assigned a
    WHERE a.id = m.id AND m.district_id IS DISTINCT FROM a.district_id`;
  return { reassigned: changed.count };
}
