import type { Sql } from '../db/database';
import type { Metrics } from '../schemas/common';
import type { Fragment } from './filter-sql';

/**
 * The metric definitions, once, for both tables:
 * - count: messages created in the window;
 * - open: no first answer yet, so open = count - answered in both tables;
 * - answered / resolved: messages that have a first-answer / resolution time;
 * - median minutes: percentile_cont(0.5) over whole minutes from creation (docs/metrics.md),
 *   exact, from the messages themselves (a median cannot be summed from the rollup). Messages without
 *   the time are left out.
 */

export function rawCountsSql(sql: Sql): Fragment {
  return sql`
    count(*)::int AS count,
    count(*) FILTER (WHERE m.answered_at IS NULL)::int AS open,
    count(m.answered_at)::int AS answered,
    count(m.resolved_at)::int AS resolved`;
}

// greatest() skips NULLs (greatest(0, NULL) = 0), hence the FILTERs: only messages that have the time count.
export function rawMediansSql(sql: Sql): Fragment {
  return sql`
    percentile_cont(0.5) WITHIN GROUP (
      ORDER BY greatest(0, floor(extract(epoch FROM m.answered_at - m.created_at) / 60)))
      FILTER (WHERE m.answered_at IS NOT NULL) AS median_answer_minutes,
    percentile_cont(0.5) WITHIN GROUP (
      ORDER BY greatest(0, floor(extract(epoch FROM m.resolved_at - m.created_at) / 60)))
      FILTER (WHERE m.resolved_at IS NOT NULL) AS median_resolve_minutes`;
}

/** Partial sums of a window cut in parts (count, answered, resolved), from messages `m`... */
export function rawSumsSql(sql: Sql): Fragment {
  return sql`count(*) AS count, count(m.answered_at) AS answered, count(m.resolved_at) AS resolved`;
}

/** ...or from a month pre-aggregate `r`... */
export function rollupSumsSql(sql: Sql): Fragment {
  return sql`sum(r.n) AS count, sum(r.answered) AS answered, sum(r.resolved) AS resolved`;
}

/** ...added up into the metrics (open = count - answered, as in rawCountsSql). */
export function summedCountsSql(sql: Sql): Fragment {
  return sql`
    sum(count)::int AS count,
    (sum(count) - sum(answered))::int AS open,
    sum(answered)::int AS answered,
    sum(resolved)::int AS resolved`;
}

export interface MetricsRow {
  count: number;
  open: number;
  answered: number;
  resolved: number;
  median_answer_minutes?: number | null;
  median_resolve_minutes?: number | null;
}

export function emptyMetrics(): Metrics {
  return {
    count: 0,
    open: 0,
    answered: 0,
    resolved: 0,
    medianAnswerMinutes: null,
    medianResolveMinutes: null,
  };
}

export function toMetrics(row: MetricsRow | undefined, medians?: Partial<MetricsRow>): Metrics {
  if (!row) return emptyMetrics();
  const source = medians ?? row;
  return {
    count: row.count,
    open: row.open,
    answered: row.answered,
    resolved: row.resolved,
    medianAnswerMinutes: source.median_answer_minutes ?? null,
    medianResolveMinutes: source.median_resolve_minutes ?? null,
  };
}
