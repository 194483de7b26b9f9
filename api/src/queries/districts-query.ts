import type { Sql } from '../db/database';
import type { Districts } from '../schemas/districts';
import { aggregate } from './aggregate-query';
import { all, type Fragment } from './filter-sql';
import type { MessageFilter } from './message-filter';
import { emptyMetrics } from './metrics-sql';
import { badParameter } from './query-error';

/** The districts the filter and scope allow, as GeoJSON features with their metrics. */
export async function queryDistricts(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  options: { medians: boolean; exact?: boolean } = { medians: false },
): Promise<Districts> {
  const named = (filter.districts?.ids.length ?? 0) + (filter.districts?.names.length ?? 0);
  if (options.exact && named !== 1) {
    throw badParameter(
      'exact',
      'exact medians are computed for one district only: add district=<one id or name>',
    );
  }
  const metrics = await aggregate(sql, timezone, filter, { kind: 'district' }, options);
  const conditions: Fragment[] = [];
  if (filter.districts) {
    conditions.push(
      sql`(d.id = ANY(${filter.districts.ids}::int[]) OR d.name = ANY(${filter.districts.names}::text[]))`,
    );
  }
  if (filter.scope) conditions.push(sql`d.id = ANY(${filter.scope.districtIds}::int[])`);
  const districts = await sql<{ id: number; name: string; geometry: string }[]>`
    SELECT d.id, d.name, ST_AsGeoJSON(d.geom, 6) AS geometry
    FROM districts d WHERE ${all(sql, conditions)} ORDER BY d.id`;
  return {
    type: 'FeatureCollection',
    from: filter.from?.toISOString() ?? null,
    to: filter.to?.toISOString() ?? null,
    features: districts.map((d) => ({
      type: 'Feature',
      id: d.id,
      geometry: JSON.parse(d.geometry),
      properties: { id: d.id, name: d.name, ...(metrics.get(d.id) ?? emptyMetrics()) },
    })),
  };
}
