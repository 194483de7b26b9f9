import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseFilters } from '../../src/queries/message-filter';
import { bucketCounts } from '../../src/queries/timeline-counts';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const TZ = 'Europe/Budapest';

/**
 * Day and week buckets of /timeline that the month rows of days do not answer (a source and a status
 * together, month-days-query.ts) are summed from cell_day_source_status_counts (0014) by bucketCounts, which
 * answers the others alike, not read from messages (as slow as a naive GROUP BY). Their exactness is checked
 * in source-status-filters.test.ts; this checks where they are read from.
 */
describe.each(BACKENDS)('day and week buckets with filters read the day pre-aggregate (%s)', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
  });
  afterAll(() => db.close());

  const plan = async (query: Record<string, string>, res: 7 | 8 | 9, bucket: 'day' | 'week') => {
    const filter = parseFilters({ from: '2025-01-01', to: '2026-01-01', ...query }, TZ);
    const edges = [filter.from as Date, new Date('2025-06-01T00:00:00+02:00'), filter.to as Date];
    const rows = await db.sql<{ 'QUERY PLAN': string }[]>`
      EXPLAIN ${bucketCounts(db.sql, TZ, filter, res, bucket, edges)}`;
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  };

  test.each([
    [{ status: 'new,in_progress' }, 8, 'day'],
    [{ source: 'vk' }, 7, 'week'],
    [{ category: 'Roads', status: 'resolved', source: 'vk,telegram' }, 8, 'day'],
    [{ category: 'Roads' }, 8, 'week'],
  ] as const)(
    '%o at res %i by %s: cell_day_source_status_counts, no messages',
    async (query, res, bucket) => {
      const text = await plan(query, res, bucket);
      expect(text).toContain('cell_day_source_status_counts');
      expect(text).not.toMatch(/ on messages\b|messages_\w+_idx/);
    },
  );

  test('a district filter, or a resolution without day counts, still reads messages', async () => {
    expect(await plan({ source: 'vk', district: '1' }, 8, 'day')).toMatch(/messages/);
    expect(await plan({ source: 'vk' }, 9, 'day')).toMatch(/messages/);
  });
});
