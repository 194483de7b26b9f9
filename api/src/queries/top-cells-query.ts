import type { Resolution } from '@heatmap/geo';
import type { Sql } from '../db/database';
import { rollupServes } from './aggregate-query';
import { DAY_COUNT_RESOLUTIONS } from './day-counts-sql';
import {
  all,
  type Fragment,
  facetKeyConditions,
  filtersSourceOrStatus,
  messageConditions,
  monthConditions,
  periodConditions,
  rollupCategoryConditions,
  rollupSourceStatusConditions,
  rollupTable,
} from './filter-sql';
import type { MessageFilter } from './message-filter';
import { dayParts, type Span, splitByCalendar } from './month-split';

/**
 * The `limit` cells with most messages, with their counts, for /summary. Counts only, so the partial months
 * of the window come from the day counts of cells at res 7 and 8 (which hold category, status and source),
 * where aggregate() must read messages for the answered and resolved sums: a window with raw edges at 5M
 * read ~280,000 messages for its ten cells.
 */
export async function topCells(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  res: Resolution,
  limit: number,
): Promise<Array<{ cell: bigint; count: number }>> {
  const group = { kind: 'cell', res } as const;
  const parts: Fragment[] = [];
  if (rollupServes(filter, group)) {
    const split = splitByCalendar(filter, timezone);
    const facets = [...rollupCategoryConditions(sql, filter), ...rollupSourceStatusConditions(sql, filter)];
    const rollup = (grain: 'year' | 'month', periods: Fragment[]) =>
      sql`SELECT r.cell, sum(r.n) AS n FROM ${rollupTable(sql, `cell_${grain}`, filter)} r
        WHERE r.res = ${res} AND ${all(sql, [...periods, ...facets])} GROUP BY 1`;
    if (split.years)
      parts.push(rollup('year', periodConditions(sql, 'year', split.years.fromYear, split.years.toYear)));
    for (const months of split.months) parts.push(rollup('month', monthConditions(sql, months)));
    for (const edge of split.edges) parts.push(...edgeParts(sql, timezone, filter, res, edge));
  } else {
    parts.push(rawPart(sql, filter, res, filter));
  }
  return sql<{ cell: bigint; count: number }[]>`
    SELECT cell, sum(n)::int AS count FROM (${parts.reduce((acc, part) => sql`${acc} UNION ALL ${part}`)}) t
    GROUP BY cell ORDER BY count DESC, cell LIMIT ${limit}`;
}

/** A partial month: its whole local days from the day counts at res 7 and 8, the rest from messages. */
function edgeParts(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  res: Resolution,
  edge: Span,
): Fragment[] {
  if (!DAY_COUNT_RESOLUTIONS.includes(res)) return [rawPart(sql, filter, res, edge)];
  return dayParts(
    edge,
    timezone,
    (days) => daysPart(sql, filter, res, days),
    (part) => rawPart(sql, filter, res, part),
  ).parts;
}

function daysPart(
  sql: Sql,
  filter: MessageFilter,
  res: Resolution,
  days: { fromDay?: string; toDay?: string },
): Fragment {
  if (!filter.categories && !filtersSourceOrStatus(filter)) {
    // A row per cell and month with day d of the month at days[d] (1..31): the window's days of each month
    // are a slice. cell_day_counts is keyed (res, cell, day): a range of days read all of a resolution.
    const [from, to] = [sql`${days.fromDay ?? null}::date`, sql`${days.toDay ?? null}::date`];
    return sql`
      SELECT r.cell, sum((SELECT sum(x) FROM unnest(r.days[greatest(1, ${from} - r.month + 1) : least(31, ${to} - r.month)]) AS x)) AS n
      FROM cell_month_days r
      WHERE r.res = ${res} AND r.month >= date_trunc('month', ${from})::date AND r.month < ${to}
      GROUP BY 1`;
  }
  const periods = periodConditions(sql, 'day', days.fromDay, days.toDay);
  return sql`SELECT r.cell, sum(r.n) AS n FROM cell_day_source_status_counts r
    WHERE r.res = ${res} AND ${all(sql, [...periods, ...facetKeyConditions(sql, filter)])} GROUP BY 1`;
}

function rawPart(sql: Sql, filter: MessageFilter, res: Resolution, window: Span): Fragment {
  return sql`SELECT ${sql(`m.h3_${res}`)} AS cell, count(*) AS n FROM messages m
    WHERE ${messageConditions(sql, filter, window)} GROUP BY 1`;
}
