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
import { answeredInTimeShare } from './answered-in-time-query';
import type { MessageFilter } from './message-filter';
import { emptyMetrics } from './metrics-sql';
import { topCells } from './top-cells-query';

/** Headline numbers for the filter, the same for the previous period of equal length, top categories and cells. */
export async function querySummary(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  options: { res: Resolution; top: number; now?: Date },
): Promise<Summary> {
  const now = options.now ?? new Date();
  const window = filter.from && filter.to ? previousPeriod(filter.from, filter.to) : null;
  // Independent reads, sent at once: the server runs them side by side on as many connections.
  const [current, previous, categories, names, cells] = await Promise.all([
    period(sql, timezone, filter, now),
    window ? period(sql, timezone, { ...filter, ...window }, now) : null,
    aggregate(sql, timezone, filter, { kind: 'category' }, { medians: false, limit: options.top }),
    sql<{ id: number; name: string }[]>`SELECT id::int, name FROM categories`,
    topCells(sql, timezone, filter, options.res, options.top),
  ]);
  const nameOf = new Map(names.map((c) => [c.id, c.name]));
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
    topCells: cells.map(({ cell, count }) => ({ h3: bigIntToCell(cell), count })),
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
    answeredInTimeShare: await answeredInTimeShare(sql, timezone, filter, metrics, now),
  };
}
