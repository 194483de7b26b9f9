import { bigIntToCell, type Resolution, ROLLUP_RESOLUTIONS } from '@heatmap/geo';
import type { Sql } from '../db/database';
import {
  all,
  filtersDistrict,
  messageConditions,
  monthConditions,
  rollupCategoryConditions,
} from './filter-sql';
import type { MessageFilter } from './message-filter';
import { type Day, localMidnight, stepOf } from './step-windows';

/**
 * Messages per step and cell at `res` over consecutive local-day steps (categories, districts and scope
 * applied), from the narrowest source that holds the grouping: cell_day_counts for weeks at res 7/8 without
 * filters, cell_month_rollup for months at res 5..8 without districts or scope, else messages by local day.
 * Every source sums the same messages by their local day, so the three agree (tests compare with /hotspots).
 */
export async function stepCounts(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  res: Resolution,
  step: 'week' | 'month',
  boundaries: readonly Day[],
): Promise<Map<string, number>[]> {
  const first = boundaries[0] as Day;
  const end = boundaries[boundaries.length - 1] as Day;
  const byDistrict = filtersDistrict(filter);
  const unfiltered = !filter.categories && !byDistrict;
  let rows: { day: Day; cell: bigint | string; n: number }[];
  if (step === 'week' && unfiltered && (res === 7 || res === 8)) {
    rows = await sql`
      SELECT r.day::text AS day, r.cell, r.n FROM cell_day_counts r
      WHERE r.res = ${res} AND r.day >= ${first}::date AND r.day < ${end}::date`;
  } else if (step === 'month' && !byDistrict && (ROLLUP_RESOLUTIONS as readonly number[]).includes(res)) {
    rows = await sql`
      SELECT r.month::text AS day, r.cell, sum(r.n)::int AS n FROM cell_month_rollup r
      WHERE ${all(sql, [sql`r.res = ${res}`, ...monthConditions(sql, { fromMonth: first, toMonth: end }), ...rollupCategoryConditions(sql, filter)])}
      GROUP BY 1, 2`;
  } else {
    const window = { from: localMidnight(first, timezone), to: localMidnight(end, timezone) };
    rows = await sql`
      SELECT m.local_day::text AS day, ${sql(`m.h3_${res}`)} AS cell, count(*)::int AS n FROM messages m
      WHERE ${messageConditions(sql, { categories: filter.categories, districts: filter.districts, scope: filter.scope }, window)}
      GROUP BY 1, 2`;
  }
  const counts = Array.from({ length: boundaries.length - 1 }, () => new Map<string, number>());
  for (const row of rows) {
    const at = stepOf(boundaries, row.day);
    if (at < 0) continue;
    const cell = bigIntToCell(BigInt(row.cell));
    const map = counts[at] as Map<string, number>;
    map.set(cell, (map.get(cell) ?? 0) + row.n);
  }
  return counts;
}
