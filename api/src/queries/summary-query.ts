import {
  bigIntToCell,
  changeRatio,
  DEFAULT_ANSWER_LIMIT_MINUTES,
  previousPeriod,
  type Resolution,
} from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Metrics } from '../schemas/common';
import type { Summary } from '../schemas/summary';
import { aggregate } from './aggregate-query';
import { messageConditions } from './filter-sql';
import type { MessageFilter } from './message-filter';
import { emptyMetrics } from './metrics-sql';

/** Headline numbers for the filter, the same for the previous period of equal length, top categories and cells. */
export async function querySummary(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  options: { res: Resolution; top: number; now?: Date },
): Promise<Summary> {
  const now = options.now ?? new Date();
  const current = await period(sql, timezone, filter, now);
  let previous: Summary['previous'] = null;
  if (filter.from && filter.to) {
    const window = previousPeriod(filter.from, filter.to);
    previous = await period(sql, timezone, { ...filter, ...window }, now);
  }
  const categories = await aggregate(
    sql,
    timezone,
    filter,
    { kind: 'category' },
    {
      medians: false,
      limit: options.top,
    },
  );
  const names = await sql<{ id: number; name: string }[]>`SELECT id::int, name FROM categories`;
  const nameOf = new Map(names.map((c) => [c.id, c.name]));
  const cells = await aggregate(
    sql,
    timezone,
    filter,
    { kind: 'cell', res: options.res },
    {
      medians: false,
      limit: options.top,
    },
  );
  return {
    ...current,
    previous,
    change: previous
      ? {
          count: changeRatio(current.count, previous.count),
          open: changeRatio(current.open, previous.open),
          medianAnswerMinutes: changeRatio(current.medianAnswerMinutes, previous.medianAnswerMinutes),
        }
      : null,
    topCategories: [...categories].map(([id, m]) => ({
      id: Number(id),
      name: nameOf.get(Number(id)) ?? '',
      count: m.count,
    })),
    topCells: [...cells].map(([cell, m]) => ({ h3: bigIntToCell(BigInt(cell)), count: m.count })),
    res: options.res,
    answerLimitMinutes: DEFAULT_ANSWER_LIMIT_MINUTES,
  };
}

async function period(sql: Sql, timezone: string, filter: MessageFilter, now: Date) {
  const rows = await aggregate(sql, timezone, filter, { kind: 'all' }, { medians: true });
  const metrics: Metrics = rows.get(0) ?? emptyMetrics();
  return {
    from: filter.from?.toISOString() ?? null,
    to: filter.to?.toISOString() ?? null,
    ...metrics,
    answeredShare: metrics.count > 0 ? metrics.answered / metrics.count : null,
    answeredInTimeShare:
      metrics.answered === 0
        ? await unansweredInTimeShare(sql, filter, now, metrics.count, DEFAULT_ANSWER_LIMIT_MINUTES)
        : await answeredInTimeShare(sql, filter, now, DEFAULT_ANSWER_LIMIT_MINUTES),
  };
}

/**
 * The share when none of the `count` messages is answered (the "unanswered only" view): none is in time,
 * so it is 0 once one is due, else null. A message is due once its whole minutes since creation pass the
 * limit, so only those created within the last limit + 1 minutes can be not yet due: a read of that
 * short span instead of the whole window.
 */
async function unansweredInTimeShare(
  sql: Sql,
  filter: MessageFilter,
  now: Date,
  count: number,
  limit: number,
) {
  if (count === 0) return null;
  const [row] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM messages m
    WHERE ${messageConditions(sql, filter)}
      AND m.created_at > ${now.toISOString()}::timestamptz - make_interval(mins => ${limit + 1})
      AND floor(extract(epoch FROM ${now.toISOString()}::timestamptz - m.created_at) / 60) <= ${limit}`;
  return (row?.n ?? 0) < count ? 0 : null;
}

/**
 * Answered within the limit, out of the messages due at `now` (answered, or unanswered past the limit),
 * as docs/metrics.md defines it.
 */
async function answeredInTimeShare(sql: Sql, filter: MessageFilter, now: Date, limit: number) {
  const [row] = await sql<{ in_time: number; due: number }[]>`
    SELECT
      count(*) FILTER (WHERE m.answered_at IS NOT NULL
        AND greatest(0, floor(extract(epoch FROM m.answered_at - m.created_at) / 60)) <= ${limit})::int AS in_time,
      count(*) FILTER (WHERE m.answered_at IS NOT NULL
        OR floor(extract(epoch FROM ${now.toISOString()}::timestamptz - m.created_at) / 60) > ${limit})::int AS due
    FROM messages m
    WHERE ${messageConditions(sql, filter)}`;
  return row && row.due > 0 ? row.in_time / row.due : null;
}
