import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Sql } from '../../src/db/database';
import type { Fragment } from '../../src/queries/filter-sql';
import { BBOX, hexagonOverlapsBbox } from './bbox-truth';

/** A filter as the query string sends it, with the window as instants for the oracle. */
export interface FilterCase {
  statuses?: string[];
  sources?: string[];
  categories?: string[];
  districts?: number[];
  window?: { from: string; to: string };
  bbox?: boolean;
}

export interface Counts {
  count: number;
  open: number;
  answered: number;
  resolved: number;
}

/** The query string of a case: names for sources and categories, ids for districts. */
export function queryString(f: FilterCase): string {
  const params = new URLSearchParams();
  if (f.statuses) params.set('status', f.statuses.join(','));
  if (f.sources) params.set('source', f.sources.join(','));
  if (f.categories) params.set('category', f.categories.join(','));
  if (f.districts) params.set('district', f.districts.join(','));
  if (f.window) {
    params.set('from', f.window.from);
    params.set('to', f.window.to);
  }
  if (f.bbox) params.set('bbox', BBOX.join(','));
  return params.toString();
}

/**
 * The naive answer: one GROUP BY over messages with every filter as a plain condition. `from`/`to`
 * are the instants the route resolved (the route's own answer echoes them).
 */
export async function naiveCounts(
  sql: Sql,
  f: FilterCase,
  key: Fragment,
  window: { from: string | null; to: string | null },
): Promise<Map<string, Counts>> {
  const conditions = [sql`true`];
  if (f.statuses) conditions.push(sql`m.status::text = ANY(${f.statuses}::text[])`);
  if (f.sources) {
    conditions.push(sql`m.source_id IN (SELECT id FROM sources WHERE name = ANY(${f.sources}::text[]))`);
  }
  if (f.categories) {
    conditions.push(
      sql`m.category_id IN (SELECT id FROM categories WHERE name = ANY(${f.categories}::text[]))`,
    );
  }
  if (f.districts) conditions.push(sql`m.district_id = ANY(${f.districts}::int[])`);
  if (window.from) conditions.push(sql`m.created_at >= ${window.from}::timestamptz`);
  if (window.to) conditions.push(sql`m.created_at < ${window.to}::timestamptz`);
  const where = conditions.reduce((a, c) => sql`${a} AND ${c}`);
  const rows = await sql<(Counts & { key: string })[]>`
    SELECT ${key}::text AS key, count(*)::int AS count,
           count(*) FILTER (WHERE m.answered_at IS NULL)::int AS open,
           count(m.answered_at)::int AS answered, count(m.resolved_at)::int AS resolved
    FROM messages m WHERE ${where} GROUP BY 1`;
  const out = new Map<string, Counts>();
  for (const { key: k, ...counts } of rows) {
    if (f.bbox && !hexagonOverlapsBbox(k.split('/')[0] as string)) continue;
    out.set(k, counts);
  }
  return out;
}

/** The H3 cell of `m` at `res` as the API writes it (hex string), for naiveCounts' key. */
export const cellKey = (sql: Sql, res: number) => sql`lower(to_hex(${sql(`m.h3_${res}`)}))`;

export function counts(row: Counts): Counts {
  return { count: row.count, open: row.open, answered: row.answered, resolved: row.resolved };
}

/** /summary's top cells: each count the GROUP BY's, and the counts the largest ones (ties in any order). */
export async function expectTopCells(
  sql: Sql,
  f: FilterCase,
  summary: { res: number; topCells: Array<{ h3: string; count: number }> },
  window: { from: string | null; to: string | null },
  top: number,
) {
  const byCell = await naiveCounts(sql, f, cellKey(sql, summary.res), window);
  const label = `/summary top cells ${queryString(f)}`;
  for (const cell of summary.topCells) expect(cell.count, label).toBe(byCell.get(cell.h3)?.count);
  const largest = [...byCell.values()].map((c) => c.count).sort((a, b) => b - a);
  expect(
    summary.topCells.map((c) => c.count),
    label,
  ).toEqual(largest.slice(0, top));
}

/**
 * /districts and /summary (at `res`, top 50) for `f` against GROUP BYs over messages: each district's counts,
 * the totals (every district's and none's), the share answered within a day, top categories and top cells.
 */
export async function expectDistrictsAndSummary(app: FastifyInstance, sql: Sql, f: FilterCase, res: number) {
  const q = queryString(f);
  const label = `${q} res ${res}`;
  const summary = (await app.inject({ url: `/api/v1/summary?res=${res}&top=50&${q}` })).json();
  const window = { from: summary.from, to: summary.to };
  const districts = (await app.inject({ url: `/api/v1/districts?${q}` })).json();
  const byDistrict = await naiveCounts(sql, f, sql`coalesce(m.district_id, 0)`, window);
  expect(
    new Map(
      districts.features
        .map((d: { id: number; properties: Counts }) => [String(d.id), counts(d.properties)])
        .filter(([, c]: [string, Counts]) => c.count > 0),
    ),
    `/districts ${label}`,
  ).toEqual(new Map([...byDistrict].filter(([id]) => id !== '0')));
  const total = { count: 0, open: 0, answered: 0, resolved: 0 };
  for (const c of byDistrict.values()) {
    for (const k of ['count', 'open', 'answered', 'resolved'] as const) total[k] += c[k];
  }
  expect(counts(summary), `/summary ${label}`).toEqual(total);
  await expectTopCells(sql, f, summary, window, 50);
  // Answered within the limit (a day), out of the answered and the unanswered older than the limit.
  const inTime = await naiveCounts(
    sql,
    f,
    sql`CASE WHEN m.answered_at IS NOT NULL
               AND greatest(0, floor(extract(epoch FROM m.answered_at - m.created_at) / 60)) <= 1440 THEN 'in'
             WHEN m.answered_at IS NOT NULL OR floor(extract(epoch FROM now() - m.created_at) / 60) > 1440
               THEN 'late' END`,
    window,
  );
  const [onTime, late] = [inTime.get('in')?.count ?? 0, inTime.get('late')?.count ?? 0];
  if (onTime + late === 0) expect(summary.answeredInTimeShare, `/summary in time ${label}`).toBeNull();
  else
    expect(summary.answeredInTimeShare, `/summary in time ${label}`).toBeCloseTo(
      onTime / (onTime + late),
      12,
    );
  const byCategory = await naiveCounts(sql, f, sql`m.category_id`, window);
  expect(
    new Map(summary.topCategories.map((c: { id: number; count: number }) => [String(c.id), c.count])),
    `/summary categories ${label}`,
  ).toEqual(new Map([...byCategory].map(([id, c]) => [id, c.count])));
}

/** /timeline for `f` at `res` by `bucket`: every cell's count in every bucket equals the GROUP BY's. */
export async function expectTimeline(
  app: FastifyInstance,
  sql: Sql,
  f: FilterCase,
  res: number,
  bucket: 'day' | 'week' | 'month',
) {
  const q = queryString(f);
  const timeline = (await app.inject({ url: `/api/v1/timeline?res=${res}&bucket=${bucket}&${q}` })).json();
  const perBucket = new Map<string, number>();
  timeline.cells.h3.forEach((h3: string, i: number) => {
    for (let j = timeline.cells.offsets[i]; j < timeline.cells.offsets[i + 1]; j++) {
      perBucket.set(`${h3}/${timeline.cells.buckets[j]}`, timeline.cells.counts[j]);
    }
  });
  const edges = timeline.edges as string[];
  const naive =
    edges.length < 2
      ? new Map<string, Counts>()
      : await naiveCounts(
          sql,
          f,
          sql`${cellKey(sql, res)} || '/' || (width_bucket(m.created_at, ${edges}::timestamptz[]) - 1)`,
          { from: edges[0] as string, to: edges.at(-1) as string },
        );
  expect(perBucket, `/timeline ${bucket} ${q} res ${res}`).toEqual(
    new Map([...naive].map(([k, c]) => [k, c.count])),
  );
}
