import type { Resolution } from '@heatmap/geo';
import type { Sql } from '../db/database';
import { type Fragment, messageConditions } from './filter-sql';
import type { MessageFilter } from './message-filter';

/** What a public table counts by: one cell at `res`, one district (0: outside all), one value, or all. */
export type AtomUnit =
  | { by: 'region' }
  | { by: 'cell'; res: Resolution }
  | { by: 'district' }
  | { by: 'category' }
  | { by: 'source' }
  | { by: 'status' };

/** A measure of one atom: its true count and the sum of its messages' record keys (numeric, as text). */
export interface AtomMeasure {
  count: number;
  key: string;
}

/** The messages of one unit in one local month: the smallest record set a public count is made of. */
export interface Atom {
  unit: string;
  /** First day of the local month, 'YYYY-MM-DD'. */
  month: string;
  all: AtomMeasure;
  open: AtomMeasure;
  answered: AtomMeasure;
  resolved: AtomMeasure;
}

function unitSql(sql: Sql, unit: AtomUnit): Fragment {
  switch (unit.by) {
    case 'region':
      return sql`''`;
    case 'cell':
      return sql`lower(to_hex(${sql(`m.h3_${unit.res}`)}))`;
    case 'district':
      return sql`coalesce(m.district_id, 0)::text`;
    case 'category':
      return sql`m.category_id::text`;
    case 'source':
      return sql`m.source_id::text`;
    case 'status':
      return sql`m.status::text`;
  }
}

/**
 * Counts per unit and local month for the filter, each with the sum of its record keys (a fixed hash of
 * each message id: the cell-key method's record key, docs/privacy.md). The sum identifies the record set,
 * so the same messages get the same noise whichever question selects them. Reads `messages`: the
 * pre-aggregates keep counts, not record keys.
 */
export async function queryPublicAtoms(sql: Sql, filter: MessageFilter, unit: AtomUnit): Promise<Atom[]> {
  const rows = await sql<
    {
      unit: string;
      month: string;
      n: number;
      k: string;
      open: number;
      open_k: string;
      answered: number;
      answered_k: string;
      resolved: number;
      resolved_k: string;
    }[]
  >`
    SELECT ${unitSql(sql, unit)} AS unit, to_char(date_trunc('month', m.local_day), 'YYYY-MM-DD') AS month,
           count(*)::int AS n, sum(hashint8extended(m.id, 0))::text AS k,
           count(*) FILTER (WHERE m.answered_at IS NULL)::int AS open,
           coalesce(sum(hashint8extended(m.id, 0)) FILTER (WHERE m.answered_at IS NULL), 0)::text AS open_k,
           count(m.answered_at)::int AS answered,
           coalesce(sum(hashint8extended(m.id, 0)) FILTER (WHERE m.answered_at IS NOT NULL), 0)::text AS answered_k,
           count(m.resolved_at)::int AS resolved,
           coalesce(sum(hashint8extended(m.id, 0)) FILTER (WHERE m.resolved_at IS NOT NULL), 0)::text AS resolved_k
    FROM messages m
    WHERE ${messageConditions(sql, filter)}
    GROUP BY 1, 2`;
  return rows.map((r) => ({
    unit: r.unit,
    month: r.month,
    all: { count: r.n, key: r.k },
    open: { count: r.open, key: r.open_k },
    answered: { count: r.answered, key: r.answered_k },
    resolved: { count: r.resolved, key: r.resolved_k },
  }));
}
