import { DEFAULT_ANSWER_LIMIT_MINUTES } from '@heatmap/geo';
import type { Sql } from '../db/database';
import {
  all,
  type Fragment,
  filtersSourceOrStatus,
  messageConditions,
  monthConditions,
  periodConditions,
  rollupCategoryConditions,
  rollupDistrictConditions,
  rollupSourceStatusConditions,
  rollupTable,
} from './filter-sql';
import type { MessageFilter } from './message-filter';
import { dayParts, type Span, splitByMonth } from './month-split';

/**
 * The answered-in-time share of docs/metrics.md: answered within the limit, out of the messages due at
 * `now` (answered, or unanswered past the limit). `count` is the filter's message count, already known
 * to the caller. Every message is due but the unanswered ones younger than the limit, a short range of
 * messages by creation time; the answers in time come from the district months (0016) and the window's
 * partial months, so the whole window is never read message by message.
 */
export async function answeredInTimeShare(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  counts: { count: number; answered: number },
  now: Date,
): Promise<number | null> {
  if (counts.count === 0) return null;
  const [notDue, inTime] = await Promise.all([
    notYetDue(sql, filter, now),
    counts.answered === 0 ? 0 : answeredInTime(sql, timezone, filter),
  ]);
  const due = counts.count - notDue;
  return due > 0 ? inTime / due : null;
}

const LIMIT = DEFAULT_ANSWER_LIMIT_MINUTES;

/**
 * Unanswered messages whose whole minutes since creation have not passed the limit: only those created
 * within the last limit + 1 minutes (or later: a clock ahead of ours) can be.
 */
async function notYetDue(sql: Sql, filter: MessageFilter, now: Date): Promise<number> {
  const at = now.toISOString();
  const [row] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM messages m
    WHERE ${messageConditions(sql, filter)} AND m.answered_at IS NULL
      AND m.created_at > ${at}::timestamptz - make_interval(mins => ${LIMIT + 1})
      AND floor(extract(epoch FROM ${at}::timestamptz - m.created_at) / 60) <= ${LIMIT}`;
  return row?.n ?? 0;
}

/**
 * Answers within the limit: whole months and (without a status or source filter) whole days from the
 * district pre-aggregates (0016, 0018), the rest from messages.
 */
async function answeredInTime(sql: Sql, timezone: string, filter: MessageFilter): Promise<number> {
  const split = filter.bbox ? null : splitByMonth(filter, timezone);
  const parts = split
    ? [
        ...(split.months ? [monthsPart(sql, filter, split.months)] : []),
        ...split.edges.flatMap((edge) => edgeParts(sql, timezone, filter, edge)),
      ]
    : [rawPart(sql, filter, filter)];
  const [row] = await sql<{ n: number }[]>`
    SELECT coalesce(sum(n), 0)::int AS n FROM (${parts.reduce((acc, part) => sql`${acc} UNION ALL ${part}`)}) t`;
  return row?.n ?? 0;
}

function monthsPart(
  sql: Sql,
  filter: MessageFilter,
  months: { fromMonth?: string; toMonth?: string },
): Fragment {
  const conditions = [
    ...monthConditions(sql, months),
    ...rollupCategoryConditions(sql, filter),
    ...rollupSourceStatusConditions(sql, filter),
    ...rollupDistrictConditions(sql, filter),
  ];
  return sql`SELECT sum(r.answered_in_time) AS n FROM ${rollupTable(sql, 'district_month', filter)} r
    WHERE ${all(sql, conditions)}`;
}

function edgeParts(sql: Sql, timezone: string, filter: MessageFilter, edge: Span): Fragment[] {
  if (filtersSourceOrStatus(filter)) return [rawPart(sql, filter, edge)];
  const daysPart = (days: { fromDay?: string; toDay?: string }) => {
    const conditions = [
      ...periodConditions(sql, 'day', days.fromDay, days.toDay),
      ...rollupCategoryConditions(sql, filter),
      ...rollupDistrictConditions(sql, filter),
    ];
    return sql`SELECT sum(r.answered_in_time) AS n FROM district_day_rollup r WHERE ${all(sql, conditions)}`;
  };
  return dayParts(edge, timezone, daysPart, (part) => rawPart(sql, filter, part)).parts;
}

function rawPart(sql: Sql, filter: MessageFilter, span: Span): Fragment {
  return sql`SELECT count(*) AS n FROM messages m
    WHERE ${messageConditions(sql, filter, span)} AND m.answered_at IS NOT NULL
      AND greatest(0, floor(extract(epoch FROM m.answered_at - m.created_at) / 60)) <= ${LIMIT}`;
}
