import { sketchBucket } from '@heatmap/geo';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

/**
 * minutes_bucket (migrations 0014, 0015) is the database's copy of geo's sketchBucket: the histograms are
 * filled with one and read with the other, so they must agree on every bucket. And it must be inlined
 * into the queries that call it (not STRICT): a call through the SQL-function executor cost ~2.7 us, twice
 * a message in every flush and every read of a partial month.
 */
describe.each(BACKENDS)('minutes_bucket (%s)', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
  });
  afterAll(() => db.close());

  test("agrees with geo's sketchBucket, from 0 minutes to 40 years, and keeps NULL", async () => {
    const minutes = [-5, 0, ...Array.from({ length: 3_000 }, (_, i) => i + 1)];
    for (let m = 3_001; m < 40 * 366 * 1440; m = Math.ceil(m * 1.013) + 7) minutes.push(m);
    const rows = await db.sql<{ m: number; b: number }[]>`
      SELECT m, minutes_bucket(m) AS b FROM unnest(${minutes}::int[]) AS m`;
    expect(rows.filter((r) => r.b !== sketchBucket(r.m))).toEqual([]);
    const [empty] = await db.sql<{ b: number | null }[]>`SELECT minutes_bucket(NULL) AS b`;
    expect(empty?.b).toBeNull();
  });

  test('is inlined: the plan shows its expression, not a call', async () => {
    const plan = await db.sql<{ 'QUERY PLAN': string }[]>`
      EXPLAIN VERBOSE SELECT minutes_bucket(g) FROM generate_series(1, 10) AS g`;
    const text = plan.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain('ln(');
    expect(text).not.toContain('minutes_bucket(');
  });
});
