import { cellsInBbox } from '@heatmap/geo';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Sql } from '../../src/db/database';
import { parseBbox } from '../../src/queries/bbox';
import { parseFilters } from '../../src/queries/message-filter';
import { queryTimeline } from '../../src/queries/timeline-query';
import type { Bucket } from '../../src/schemas/timeline';
import { storeGenerated } from '../support/store-generated';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const TZ = 'Europe/Budapest';

/** Filters the month rows of days by source or by status (0019) answer, with windows that cut months, and bboxes. */
const CASES = [
  [8, 'day', { source: 'vk' }, '2024-08-15', '2025-01-20'],
  [8, 'day', { status: 'new,in_progress' }, '2024-06-01', '2025-04-01'],
  [7, 'week', { status: 'resolved', category: 'FIRST' }, '2024-09-03', '2025-02-28'],
  [8, 'week', { source: 'vk,telegram', category: 'FIRST,SECOND' }, '2024-07-01', '2025-01-01'],
  [7, 'day', { status: 'answered', category: 'FIRST' }, '2024-10-31', '2024-11-14'],
  [8, 'day', { category: 'SECOND' }, '2024-12-30', '2025-03-02'],
  [8, 'week', { source: 'vk', bbox: '19.0,47.46,19.12,47.53' }, '2024-08-05', '2025-02-03'],
  [7, 'day', { status: 'new,in_progress', bbox: '19.0,47.46,19.12,47.53' }, '2024-06-01', '2025-04-01'],
] as const;

/**
 * Day and week buckets of /timeline with a source, a status or a category filter at res 7 and 8 come from
 * rows of days by month (0019), not from the day counts by status and source (0014, ~70 times as many rows
 * for one source at 5M): each must be the messages counted per cell and bucket, whatever months the window
 * cuts, after updates and deletes.
 */
describe.each(BACKENDS)('filtered day and week buckets from month rows of days (%s)', (backend) => {
  let db: TestDatabase;
  let categories: string[];
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await storeGenerated(db, {
      count: 3_000,
      seed: 23,
      from: '2024-06-01T00:00:00Z',
      to: '2025-04-01T00:00:00Z',
      timezone: TZ,
    });
    // A status change, a move in time and a removal after the load: the month rows follow them.
    await db.sql`UPDATE messages SET status = 'resolved', resolved_at = created_at + interval '2 days'
      WHERE id IN (SELECT id FROM messages WHERE status <> 'resolved' ORDER BY id LIMIT 60)`;
    await db.sql`UPDATE messages SET created_at = created_at + interval '3 days', local_day = local_day + 3
      WHERE id IN (SELECT id FROM messages ORDER BY id LIMIT 40)`;
    await db.sql`DELETE FROM messages WHERE id IN (SELECT id FROM messages ORDER BY id DESC LIMIT 40)`;
    categories = (
      await db.sql<{ name: string }[]>`
        SELECT c.name FROM messages m JOIN categories c ON c.id = m.category_id
        GROUP BY c.name ORDER BY count(*) DESC, c.name LIMIT 2`
    ).map((r) => r.name);
  }, 120_000);
  afterAll(() => db?.close());

  const query = (q: Record<string, string>) => {
    const named = { ...q };
    if (named.category) {
      named.category = named.category
        .replace('FIRST', categories[0] as string)
        .replace('SECOND', categories[1] as string);
    }
    return named;
  };

  /** The timeline's entries as "cell/bucket" -> count, and the same from a GROUP BY over messages. */
  async function both(
    sql: Sql,
    res: 7 | 8,
    bucket: Bucket,
    q: Record<string, string>,
    from: string,
    to: string,
  ) {
    const filter = parseFilters({ from, to, ...query(q) }, TZ);
    const timeline = await queryTimeline(sql, TZ, filter, res, bucket);
    const got = new Map<string, number>();
    timeline.cells.h3.forEach((h3, i) => {
      for (let j = timeline.cells.offsets[i] as number; j < (timeline.cells.offsets[i + 1] as number); j++) {
        got.set(`${BigInt(`0x${h3}`)}/${timeline.cells.buckets[j]}`, timeline.cells.counts[j] as number);
      }
    });
    const named = query(q);
    const list = (v: string | undefined) => (v ? v.split(',') : null);
    // A bbox selects the cells overlapping it, as on /hexagons.
    const cells = named.bbox ? (cellsInBbox(parseBbox(named.bbox), res) ?? []).map(String) : null;
    const rows = await sql<{ key: string; n: number }[]>`
      SELECT ${sql(`h3_${res}`)} || '/' || (width_bucket(m.created_at, ${timeline.edges}::timestamptz[]) - 1) AS key,
             count(*)::int AS n
      FROM messages m
      WHERE m.created_at >= ${timeline.edges[0] as string}::timestamptz
        AND m.created_at < ${timeline.edges.at(-1) as string}::timestamptz
        AND (${list(named.source)}::text[] IS NULL OR m.source_id IN (SELECT id FROM sources WHERE name = ANY(${list(named.source)}::text[])))
        AND (${list(named.category)}::text[] IS NULL OR m.category_id IN (SELECT id FROM categories WHERE name = ANY(${list(named.category)}::text[])))
        AND (${list(named.status)}::text[] IS NULL OR m.status::text = ANY(${list(named.status)}::text[]))
        AND (${cells}::int8[] IS NULL OR ${sql(`h3_${res}`)} = ANY(${cells}::int8[]))
      GROUP BY 1`;
    return { got, expected: new Map(rows.map((r) => [r.key, r.n])) };
  }

  test.each(CASES)(
    'res %i, %s buckets, %o, %s to %s: the messages per cell and bucket',
    async (res, bucket, q, from, to) => {
      const { got, expected } = await both(db.sql, res, bucket, q, from, to);
      expect(expected.size).toBeGreaterThan(0);
      expect(got).toEqual(expected);
    },
  );

  test('they answer without the day counts by status and source', async () => {
    // Emptied inside a transaction that is rolled back: a read of them would come back empty.
    await expect(
      db.sql.begin(async (tx) => {
        const sql = tx as unknown as Sql;
        await sql`DELETE FROM cell_day_source_status_counts`;
        for (const [res, bucket, q, from, to] of CASES) {
          const { got, expected } = await both(sql, res, bucket, q, from, to);
          expect(got, JSON.stringify(q)).toEqual(expected);
        }
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
  });
});
