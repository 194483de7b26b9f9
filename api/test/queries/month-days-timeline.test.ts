import { bucketEdges } from '@heatmap/geo';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFilters } from '../../src/queries/message-filter';
import { cellBucketsFromMonths, monthDaysRead } from '../../src/queries/month-days-query';
import { queryTimeline } from '../../src/queries/timeline-query';
import { storeGenerated } from '../support/store-generated';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const TZ = 'Europe/Budapest';

/**
 * Day buckets of the time slider from cell_month_days (0017), a row per cell and month: each cell's days
 * must be the messages counted per cell and local day, whatever months the window cuts.
 */
describe.each(BACKENDS)('day buckets from the month rows of days (%s)', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await storeGenerated(db, {
      count: 3_000,
      seed: 21,
      from: '2024-06-01T00:00:00Z',
      to: '2025-04-01T00:00:00Z',
      timezone: TZ,
    });
    // A change and a removal after the load: the month rows follow them.
    await db.sql`UPDATE messages SET created_at = created_at + interval '3 days'
      WHERE id IN (SELECT id FROM messages ORDER BY id LIMIT 40)`;
    await db.sql`DELETE FROM messages WHERE id IN (SELECT id FROM messages ORDER BY id DESC LIMIT 40)`;
  }, 120_000);
  afterAll(() => db?.close());

  /** Messages per cell and local day of [fromDay, toDay), as bucket arrays per cell in key order. */
  async function truth(res: 7 | 8, fromDay: string, toDay: string) {
    return db.sql<{ cell: bigint; buckets: number[]; counts: number[] }[]>`
      SELECT cell, array_agg(b ORDER BY b) AS buckets, array_agg(n ORDER BY b) AS counts
      FROM (
        SELECT ${db.sql(`h3_${res}`)} AS cell, local_day - ${fromDay}::date AS b, count(*)::int AS n
        FROM messages WHERE local_day >= ${fromDay}::date AND local_day < ${toDay}::date GROUP BY 1, 2
      ) t
      GROUP BY cell ORDER BY cell`;
  }

  test.each([
    [8, '2024-01-01', '2026-01-01'],
    [8, '2024-08-15', '2025-01-20'],
    [7, '2024-10-31', '2024-11-01'],
    [7, '2024-09-03', '2025-02-28'],
  ] as const)('res %i, %s to %s: the messages per cell and day', async (res, fromDay, toDay) => {
    const filter = parseFilters({ from: fromDay, to: toDay }, TZ);
    const read = monthDaysRead(filter, res, 'day', TZ);
    expect(read).toEqual({ table: 'cell_month_days', fromDay, toDay });
    const edges = [...bucketEdges(filter.from as Date, filter.to as Date, 'day', TZ), filter.to as Date];
    const expected = await truth(res, fromDay, toDay);
    expect(expected.length).toBeGreaterThan(0);
    const offsets = [0];
    for (const row of expected) offsets.push((offsets[offsets.length - 1] as number) + row.buckets.length);
    expect(
      await cellBucketsFromMonths(db.sql, filter, res, read as NonNullable<typeof read>, edges, TZ),
    ).toEqual({
      cells: expected.map((row) => row.cell),
      offsets,
      buckets: expected.flatMap((row) => row.buckets),
      counts: expected.flatMap((row) => row.counts),
    });
  });

  test('/timeline by day answers from them, a district from its own (0022), and a source with a status or a district, or res 9, from elsewhere', async () => {
    const filter = parseFilters({ from: '2024-08-15', to: '2025-01-20' }, TZ);
    const timeline = await queryTimeline(db.sql, TZ, filter, 8, 'day');
    const expected = await truth(8, '2024-08-15', '2025-01-20');
    expect(timeline.cells.buckets).toEqual(expected.flatMap((row) => row.buckets));
    expect(timeline.cells.counts).toEqual(expected.flatMap((row) => row.counts));
    const district = parseFilters({ from: '2024-08-15', to: '2025-01-20', district: '1' }, TZ);
    expect(monthDaysRead(district, 8, 'day', TZ)?.table).toBe('cell_month_days_by_district');
    for (const query of [
      { source: 'vk', status: 'new' },
      { district: '1', status: 'new' },
      { district: '1', source: 'vk' },
    ]) {
      const filtered = parseFilters({ from: '2024-08-15', to: '2025-01-20', ...query }, TZ);
      expect(monthDaysRead(filtered, 8, 'day', TZ)).toBeNull();
    }
    expect(monthDaysRead(filter, 9, 'day', TZ)).toBeNull();
  });
});
