import { type Resolution, sketchMedian } from '@heatmap/geo';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { yearSketchMedians } from '../../src/queries/year-sketch-medians';
import { storeGenerated } from '../support/store-generated';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const TZ = 'Europe/Budapest';

/**
 * The medians of whole years found in SQL from the coarse buckets (0017) then the fine ones within them
 * must be geo's sketchMedian over every fine bucket of the same cells and years: same buckets, same value.
 */
describe.each(BACKENDS)('medians of whole years from coarse then fine buckets (%s)', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await storeGenerated(db, {
      count: 3_000,
      seed: 17,
      from: '2024-03-01T00:00:00Z',
      to: '2025-06-01T00:00:00Z',
      timezone: TZ,
    });
  }, 120_000);
  afterAll(() => db?.close());

  /** sketchMedian per cell over every bucket row of cell_year_sketch in [fromYear, toYear). */
  async function expected(res: Resolution, fromYear?: string, toYear?: string) {
    const rows = await db.sql<{ cell: bigint; bucket: number; answers: number; resolves: number }[]>`
      SELECT cell, bucket, answers, resolves FROM cell_year_sketch
      WHERE res = ${res} AND year >= ${fromYear ?? '1900-01-01'}::date AND year < ${toYear ?? '2200-01-01'}::date`;
    const byCell = new Map<bigint, { a: [number, number][]; r: [number, number][] }>();
    for (const row of rows) {
      const cell = byCell.get(row.cell) ?? { a: [], r: [] };
      cell.a.push([row.bucket, row.answers]);
      cell.r.push([row.bucket, row.resolves]);
      byCell.set(row.cell, cell);
    }
    return new Map(
      [...byCell].map(([cell, { a, r }]) => [
        cell,
        { median_answer_minutes: sketchMedian(a), median_resolve_minutes: sketchMedian(r) },
      ]),
    );
  }

  test.each([5, 6, 7, 8] as const)('res %i: every cell over all years, and over 2025 alone', async (res) => {
    const everything = await expected(res);
    expect(everything.size).toBeGreaterThan(0);
    expect(await yearSketchMedians(db.sql, res, {})).toEqual(everything);
    expect(await yearSketchMedians(db.sql, res, { fromYear: '2025-01-01', toYear: '2026-01-01' })).toEqual(
      await expected(res, '2025-01-01', '2026-01-01'),
    );
  });

  test('a list of cells: those cells only', async () => {
    const everything = await expected(8);
    const some = [...everything.keys()].slice(0, 5);
    const got = await yearSketchMedians(db.sql, 8, {}, some);
    expect(got).toEqual(new Map(some.map((cell) => [cell, everything.get(cell)])));
  });
});
