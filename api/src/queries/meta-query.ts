import { MAX_RESOLUTION, MESSAGE_STATUSES, MIN_RESOLUTION } from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Meta } from '../schemas/meta';
import type { FilterScope } from './message-filter';
import { plausibleCreatedAt } from './plausible-dates-sql';

/** Everything a filter panel needs: the dimensions with their totals, districts with bboxes, the extent. */
export async function queryMeta(sql: Sql, timezone: string, scope?: FilterScope): Promise<Meta> {
  const inScope = scope ? sql`m.district_id = ANY(${scope.districtIds}::int[])` : sql`true`;
  const plausible = plausibleCreatedAt(sql);
  const districtInScope = scope ? sql`d.id = ANY(${scope.districtIds}::int[])` : sql`true`;
  const counts = (column: 'category_id' | 'source_id') => sql<{ key: number; n: number }[]>`
    SELECT ${sql(`m.${column}`)}::int AS key, count(*)::int AS n FROM messages m WHERE ${inScope} GROUP BY 1`;
  const [categories, sources, categoryCounts, sourceCounts, statuses, districts, extent, version] =
    await Promise.all([
      sql<{ id: number; name: string }[]>`SELECT id::int, name FROM categories ORDER BY name`,
      sql<{ id: number; name: string }[]>`SELECT id::int, name FROM sources ORDER BY name`,
      counts('category_id'),
      counts('source_id'),
      sql<{ status: string; n: number }[]>`
        SELECT m.status::text AS status, count(*)::int AS n FROM messages m WHERE ${inScope} GROUP BY 1`,
      sql<{ id: number; name: string; w: number; s: number; e: number; n: number; count: number }[]>`
        SELECT d.id, d.name, ST_XMin(d.geom) AS w, ST_YMin(d.geom) AS s, ST_XMax(d.geom) AS e,
               ST_YMax(d.geom) AS n,
               (SELECT count(*)::int FROM messages m WHERE m.district_id = d.id) AS count
        FROM districts d WHERE ${districtInScope} ORDER BY d.id`,
      sql<
        {
          first: Date | null;
          last: Date | null;
          w: number | null;
          s: number;
          e: number;
          n: number;
          total: number;
        }[]
      >`
        SELECT min(m.created_at) FILTER (WHERE ${plausible}) AS first,
               max(m.created_at) FILTER (WHERE ${plausible}) AS last, min(m.lon) AS w, min(m.lat) AS s,
               max(m.lon) AS e, max(m.lat) AS n, count(*)::int AS total
        FROM messages m WHERE ${inScope}`,
      sql<{ value: string }[]>`SELECT value FROM app_settings WHERE key = 'data_version'`,
    ]);
  const withCounts = (rows: { id: number; name: string }[], n: { key: number; n: number }[]) => {
    const byId = new Map(n.map((r) => [r.key, r.n]));
    return rows.map((r) => ({ ...r, count: byId.get(r.id) ?? 0 })).filter((r) => !scope || r.count > 0);
  };
  const statusCounts = new Map(statuses.map((r) => [r.status, r.n]));
  const e = extent[0];
  return {
    timezone,
    categories: withCounts(categories, categoryCounts),
    sources: withCounts(sources, sourceCounts),
    statuses: MESSAGE_STATUSES.map((id) => ({ id, count: statusCounts.get(id) ?? 0 })),
    districts: districts.map((d) => ({ id: d.id, name: d.name, bbox: [d.w, d.s, d.e, d.n], count: d.count })),
    extent: {
      from: e?.first?.toISOString() ?? null,
      to: e?.last?.toISOString() ?? null,
      bbox: e && e.w !== null ? [e.w, e.s, e.e, e.n] : null,
    },
    resolutions: { min: MIN_RESOLUTION, max: MAX_RESOLUTION },
    total: e?.total ?? 0,
    dataVersion: version[0]?.value ?? '0',
  };
}
