import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { queryDistricts } from '../../src/queries/districts-query';
import { resolveFilterNames } from '../../src/queries/filter-names';
import { createHeatmapQueries } from '../../src/queries/heatmap-queries';
import { queryHexagons } from '../../src/queries/hexagons-query';
import { parseFilters } from '../../src/queries/message-filter';
import { querySummary } from '../../src/queries/summary-query';
import { queryTimeline } from '../../src/queries/timeline-query';
import { storeGenerated } from '../support/store-generated';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const TZ = 'Europe/Budapest';

describe.each(BACKENDS)('category and source names resolved to ids before the queries (%s)', (backend) => {
  let db: TestDatabase;
  let names: { category: string; categoryId: number; source: string; sourceId: number };
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await storeGenerated(db, {
      count: 2_000,
      seed: 23,
      from: '2024-03-01T00:00:00Z',
      to: '2025-06-01T00:00:00Z',
      timezone: TZ,
    });
    const [c] = await db.sql<
      { name: string; id: number }[]
    >`SELECT name, id::int AS id FROM categories ORDER BY id LIMIT 1`;
    const [s] = await db.sql<
      { name: string; id: number }[]
    >`SELECT name, id::int AS id FROM sources ORDER BY id LIMIT 1`;
    names = {
      category: c?.name as string,
      categoryId: c?.id as number,
      source: s?.name as string,
      sourceId: s?.id as number,
    };
  }, 120_000);
  afterAll(() => db?.close());

  test('names become their ids; ids stay; an unknown name adds none; district names stay names', async () => {
    const filter = parseFilters(
      { category: `${names.category},no such category,999`, source: names.source, district: 'Somewhere,3' },
      TZ,
    );
    const resolved = await resolveFilterNames(db.sql, filter);
    expect(resolved.categories).toEqual({ ids: [999, names.categoryId], names: [] });
    expect(resolved.sources).toEqual({ ids: [names.sourceId], names: [] });
    expect(resolved.districts).toEqual({ ids: [3], names: ['Somewhere'] });
    const unknownOnly = await resolveFilterNames(db.sql, parseFilters({ source: 'nobody' }, TZ));
    expect(unknownOnly.sources).toEqual({ ids: [], names: [] });
  });

  test('a filter without names is left as it is, with no query', async () => {
    const filter = parseFilters({ category: String(names.categoryId), from: '2024-06-01' }, TZ);
    expect(await resolveFilterNames(db.sql, filter)).toBe(filter);
  });

  test('every read answers the same with names resolved to ids as with names looked up in SQL', async () => {
    const queries = createHeatmapQueries(db.sql, TZ);
    const window = { from: '2024-05-01', to: '2025-03-15' };
    const resolvedFirst = async (query: Record<string, string>) => {
      const filter = parseFilters({ ...window, ...query }, TZ);
      return {
        hexagons: await queries.hexagons(filter, 8),
        summary: await queries.summary(filter, { res: 8, top: 5 }),
        districts: await queries.districts(filter, { medians: true }),
        timeline: await queries.timeline(filter, 7, 'month'),
      };
    };
    const namesInSql = async (query: Record<string, string>) => {
      const filter = parseFilters({ ...window, ...query }, TZ);
      return {
        hexagons: await queryHexagons(db.sql, TZ, filter, 8),
        summary: await querySummary(db.sql, TZ, filter, { res: 8, top: 5 }),
        districts: await queryDistricts(db.sql, TZ, filter, { medians: true }),
        timeline: await queryTimeline(db.sql, TZ, filter, 7, 'month'),
      };
    };
    const cases: Record<string, string>[] = [
      { category: names.category, source: names.source },
      { category: `${names.category},no such category` },
      { source: 'nobody' },
    ];
    for (const query of cases) {
      expect(await resolvedFirst(query)).toEqual(await namesInSql(query));
    }
    expect((await resolvedFirst({ category: names.category })).summary.count).toBeGreaterThan(0);
  });
});
