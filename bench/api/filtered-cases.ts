import type { Fragment, Sql } from '@heatmap/api';
import { cellsInBbox, parseBbox } from '@heatmap/geo';
import { BENCH_TIMEZONE } from './bench-dataset';

/** A request with a status or source filter (or medians), and the naive GROUP BY over messages that answers the same question. */
export interface FilteredCase {
  name: string;
  kind: 'hexagons' | 'timeline' | 'districts' | 'summary';
  url: string;
  naive: () => Promise<unknown>;
  /** The issue's p95 target in ms by data set size, where it sets one for this case (else its kind's). */
  targetP95?: Record<number, number>;
}

/** Issue 14: /timeline with a status or source filter, with or without a category, p95 at 5M. */
const FILTERED_TIMELINE_TARGET = { 5000000: 150 };
/** Issue 14: medians from the mergeable histograms, p95 at 5M. */
const MEDIANS_TARGET = { 5000000: 100 };

const UNANSWERED = ['new', 'in_progress'];

/**
 * What control rooms filter by (issue 14): "unanswered only" (status new, in_progress), one source, and
 * both with a category, a month, a bbox. Each naive query counts exactly what its request counts
 * (count, open, answered, resolved per group; the timeline per month), with no pre-aggregate and no
 * index made for it: the figure the pre-aggregates must beat.
 */
export async function filteredCases(sql: Sql, category: string, districtId: number): Promise<FilteredCase[]> {
  const [source] = await sql<{ id: number }[]>`SELECT id FROM sources WHERE name = 'vk'`;
  const [categoryRow] = await sql<{ id: number }[]>`SELECT id FROM categories WHERE name = ${category}`;
  const sourceId = source?.id ?? 0;
  const categoryId = categoryRow?.id ?? 0;
  const counts = sql`count(*)::int AS count, count(*) FILTER (WHERE answered_at IS NULL)::int AS open,
    count(answered_at)::int AS answered, count(resolved_at)::int AS resolved`;
  const unanswered = sql`status = ANY(${UNANSWERED}::text[]::message_status[])`;
  const vk = sql`source_id = ${sourceId}`;
  const june = sql`created_at >= '2025-06-01T00:00:00+02:00' AND created_at < '2025-07-01T00:00:00+02:00'`;
  const year2025 = sql`created_at >= '2025-01-01T00:00:00+01:00' AND created_at < '2026-01-01T00:00:00+01:00'`;
  // The exact medians as docs/metrics.md defines them: what the histograms (0014) estimate within 2 %.
  const medians = sql`
    percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, floor(extract(epoch FROM answered_at - created_at) / 60)))
      FILTER (WHERE answered_at IS NOT NULL),
    percentile_cont(0.5) WITHIN GROUP (ORDER BY greatest(0, floor(extract(epoch FROM resolved_at - created_at) / 60)))
      FILTER (WHERE resolved_at IS NOT NULL)`;
  const daysByCell = (res: number, where: Fragment) => () =>
    sql`SELECT ${sql(`h3_${res}`)}, local_day, count(*)::int FROM messages WHERE ${where} GROUP BY 1, 2`.execute();
  const byCell = (res: number, where: Fragment) => () =>
    sql`SELECT ${sql(`h3_${res}`)} AS key, ${counts} FROM messages WHERE ${where} GROUP BY 1`.execute();
  // /summary answers a period and the one before it (counts, medians, the share answered in a day), the
  // top categories and the top cells: the naive side asks the same, side by side as /summary does.
  const inTime = sql`count(*) FILTER (WHERE answered_at IS NOT NULL
      AND greatest(0, floor(extract(epoch FROM answered_at - created_at) / 60)) <= 1440)::int AS in_time,
    count(*) FILTER (WHERE answered_at IS NOT NULL
      OR floor(extract(epoch FROM now() - created_at) / 60) > 1440)::int AS due`;
  const summary = (where: Fragment, previous: Fragment | null) => () =>
    Promise.all([
      sql`SELECT ${counts}, ${medians}, ${inTime} FROM messages WHERE ${where}`.execute(),
      previous && sql`SELECT ${counts}, ${medians}, ${inTime} FROM messages WHERE ${previous}`.execute(),
      sql`SELECT category_id, count(*) FROM messages WHERE ${where} GROUP BY 1 ORDER BY 2 DESC LIMIT 10`.execute(),
      sql`SELECT h3_8, count(*) FROM messages WHERE ${where} GROUP BY 1 ORDER BY 2 DESC LIMIT 10`.execute(),
    ]);
  const cat = encodeURIComponent(category);
  const district = sql`district_id = ${districtId}`;
  const centre = cellsInBbox(parseBbox('19.0,47.46,19.12,47.53'), 8) ?? [];
  return [
    {
      name: 'hexagons res 8, all, unanswered',
      kind: 'hexagons',
      url: '/api/v1/hexagons?res=8&status=new,in_progress',
      naive: byCell(8, unanswered),
    },
    {
      name: 'hexagons res 8, all, one source',
      kind: 'hexagons',
      url: '/api/v1/hexagons?res=8&source=vk',
      naive: byCell(8, vk),
    },
    {
      name: 'hexagons res 7, all, one source, unanswered',
      kind: 'hexagons',
      url: '/api/v1/hexagons?res=7&source=vk&status=new,in_progress',
      naive: byCell(7, sql`${vk} AND ${unanswered}`),
    },
    {
      name: 'hexagons res 8, month, resolved, one category',
      kind: 'hexagons',
      url: `/api/v1/hexagons?res=8&from=2025-06-01&to=2025-07-01&status=resolved&category=${cat}`,
      naive: byCell(8, sql`${june} AND status = 'resolved' AND category_id = ${categoryId}`),
    },
    {
      name: 'hexagons res 8, 2025-03-15..2025-08-20, one source',
      kind: 'hexagons',
      url: '/api/v1/hexagons?res=8&from=2025-03-15&to=2025-08-20&source=vk',
      naive: byCell(
        8,
        sql`${vk} AND created_at >= '2025-03-15T00:00:00+01:00' AND created_at < '2025-08-20T00:00:00+02:00'`,
      ),
    },
    {
      name: 'timeline res 8, month buckets over 2025, unanswered',
      kind: 'timeline',
      url: '/api/v1/timeline?res=8&bucket=month&from=2025-01-01&to=2026-01-01&status=new,in_progress',
      targetP95: FILTERED_TIMELINE_TARGET,
      naive: () =>
        sql`SELECT h3_8, date_trunc('month', created_at AT TIME ZONE ${BENCH_TIMEZONE}) AS month, count(*)::int
          FROM messages
          WHERE ${unanswered} AND created_at >= '2025-01-01T00:00:00+01:00' AND created_at < '2026-01-01T00:00:00+01:00'
          GROUP BY 1, 2`.execute(),
    },
    {
      name: 'timeline res 8, day buckets over 2025, one source',
      kind: 'timeline',
      url: '/api/v1/timeline?res=8&bucket=day&from=2025-01-01&to=2026-01-01&source=vk',
      targetP95: FILTERED_TIMELINE_TARGET,
      naive: daysByCell(8, sql`${vk} AND ${year2025}`),
    },
    {
      name: 'timeline res 8, day buckets over 2025, unanswered',
      kind: 'timeline',
      url: '/api/v1/timeline?res=8&bucket=day&from=2025-01-01&to=2026-01-01&status=new,in_progress',
      targetP95: FILTERED_TIMELINE_TARGET,
      naive: daysByCell(8, sql`${unanswered} AND ${year2025}`),
    },
    {
      name: 'timeline res 7, week buckets over 2025, resolved, one category',
      kind: 'timeline',
      url: `/api/v1/timeline?res=7&bucket=week&from=2025-01-01&to=2026-01-01&status=resolved&category=${cat}`,
      targetP95: FILTERED_TIMELINE_TARGET,
      naive: () =>
        sql`SELECT h3_7, date_trunc('week', created_at AT TIME ZONE ${BENCH_TIMEZONE}) AS week, count(*)::int
          FROM messages WHERE status = 'resolved' AND category_id = ${categoryId} AND ${year2025}
          GROUP BY 1, 2`.execute(),
    },
    {
      name: 'hexagons res 8, all, with medians',
      kind: 'hexagons',
      targetP95: MEDIANS_TARGET,
      url: '/api/v1/hexagons?res=8&medians=true',
      naive: () => sql`SELECT h3_8, ${counts}, ${medians} FROM messages GROUP BY 1`.execute(),
    },
    {
      name: 'hexagons res 7, 2025, with medians',
      kind: 'hexagons',
      targetP95: MEDIANS_TARGET,
      url: '/api/v1/hexagons?res=7&from=2025-01-01&to=2026-01-01&medians=true',
      naive: () =>
        sql`SELECT h3_7, ${counts}, ${medians} FROM messages WHERE ${year2025} GROUP BY 1`.execute(),
    },
    {
      name: 'districts, all, with medians',
      kind: 'districts',
      targetP95: MEDIANS_TARGET,
      url: '/api/v1/districts?medians=true',
      naive: () => sql`SELECT district_id, ${counts}, ${medians} FROM messages GROUP BY 1`.execute(),
    },
    {
      name: 'summary, 2025-03-15..2025-08-20 (medians, raw edges)',
      kind: 'summary',
      url: '/api/v1/summary?res=8&from=2025-03-15&to=2025-08-20',
      naive: summary(
        sql`created_at >= '2025-03-15T00:00:00+01:00' AND created_at < '2025-08-20T00:00:00+02:00'`,
        // previousPeriod: as long as the window, ending where it starts.
        sql`created_at >= '2024-10-08T00:00:00Z' AND created_at < '2025-03-14T23:00:00Z'`,
      ),
    },
    {
      name: 'districts, all, one source',
      kind: 'districts',
      url: '/api/v1/districts?source=vk',
      naive: () => sql`SELECT district_id, ${counts} FROM messages WHERE ${vk} GROUP BY 1`.execute(),
    },
    {
      name: 'summary, all, unanswered',
      kind: 'summary',
      url: '/api/v1/summary?res=8&status=new,in_progress',
      naive: summary(unanswered, null),
    },
    // The combinations (issue 14: "and their combinations with category, district, bbox and any window"):
    // a municipal head's own district with "unanswered only", a source with a status, medians with a filter.
    {
      name: 'hexagons res 8, month, one district, unanswered',
      kind: 'hexagons',
      url: `/api/v1/hexagons?res=8&from=2025-06-01&to=2025-07-01&district=${districtId}&status=new,in_progress`,
      naive: byCell(8, sql`${district} AND ${june} AND ${unanswered}`),
    },
    {
      name: 'hexagons res 8, all, one district, one source',
      kind: 'hexagons',
      url: `/api/v1/hexagons?res=8&district=${districtId}&source=vk`,
      naive: byCell(8, sql`${district} AND ${vk}`),
    },
    {
      name: 'hexagons res 8, all, city-centre bbox, unanswered',
      kind: 'hexagons',
      url: '/api/v1/hexagons?res=8&bbox=19.0,47.46,19.12,47.53&status=new,in_progress',
      // The cells overlapping the box, whole, as /hexagons counts them.
      naive: byCell(8, sql`${unanswered} AND h3_8 = ANY(${centre.map(String)}::int8[])`),
    },
    {
      name: 'timeline res 8, day buckets over 2025, one district',
      kind: 'timeline',
      url: `/api/v1/timeline?res=8&bucket=day&from=2025-01-01&to=2026-01-01&district=${districtId}`,
      targetP95: FILTERED_TIMELINE_TARGET,
      naive: daysByCell(8, sql`${district} AND ${year2025}`),
    },
    {
      name: 'timeline res 8, day buckets over 2025, one source, unanswered',
      kind: 'timeline',
      url: '/api/v1/timeline?res=8&bucket=day&from=2025-01-01&to=2026-01-01&source=vk&status=new,in_progress',
      targetP95: FILTERED_TIMELINE_TARGET,
      naive: daysByCell(8, sql`${vk} AND ${unanswered} AND ${year2025}`),
    },
    {
      name: 'hexagons res 8, all, with medians, one category',
      kind: 'hexagons',
      targetP95: MEDIANS_TARGET,
      url: `/api/v1/hexagons?res=8&medians=true&category=${cat}`,
      naive: () =>
        sql`SELECT h3_8, ${counts}, ${medians} FROM messages WHERE category_id = ${categoryId} GROUP BY 1`.execute(),
    },
    {
      name: 'districts, 2025, with medians, one source',
      kind: 'districts',
      targetP95: MEDIANS_TARGET,
      url: '/api/v1/districts?from=2025-01-01&to=2026-01-01&medians=true&source=vk',
      naive: () =>
        sql`SELECT district_id, ${counts}, ${medians} FROM messages WHERE ${vk} AND ${year2025} GROUP BY 1`.execute(),
    },
    {
      name: 'summary, all, one source (medians)',
      kind: 'summary',
      url: '/api/v1/summary?res=8&source=vk',
      naive: summary(vk, null),
    },
    {
      name: 'summary, 2025-03-15..2025-08-20, one category (medians)',
      kind: 'summary',
      url: `/api/v1/summary?res=8&from=2025-03-15&to=2025-08-20&category=${cat}`,
      naive: summary(
        sql`category_id = ${categoryId} AND created_at >= '2025-03-15T00:00:00+01:00' AND created_at < '2025-08-20T00:00:00+02:00'`,
        sql`category_id = ${categoryId} AND created_at >= '2024-10-08T00:00:00Z' AND created_at < '2025-03-14T23:00:00Z'`,
      ),
    },
    {
      name: 'summary, month, one district, unanswered',
      kind: 'summary',
      url: `/api/v1/summary?res=8&from=2025-06-01&to=2025-07-01&district=${districtId}&status=new,in_progress`,
      naive: summary(
        sql`${district} AND ${june} AND ${unanswered}`,
        sql`${district} AND ${unanswered} AND created_at >= '2025-05-02T00:00:00+02:00' AND created_at < '2025-06-01T00:00:00+02:00'`,
      ),
    },
  ];
}
