import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shippedDistrictsFile } from '../../src/cli/generate-command';
import type { Sql } from '../../src/db/database';
import { loadDistrictsFile } from '../../src/ingest/districts-file';
import { rollupMismatches } from '../ingest/rollup-check';
import { storeGenerated } from '../support/store-generated';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp } from './app-helper';
import {
  type Counts,
  counts,
  expectDistrictsAndSummary,
  expectTimeline,
  type FilterCase,
  queryString,
} from './filter-oracle';

const TZ = 'Europe/Budapest';
/** Partial months between local midnights (both ends, one boundary, inside a month), and instants that are not. */
const WINDOWS = [
  { from: '2024-08-15', to: '2025-01-20' },
  { from: '2024-09-20', to: '2024-10-10' },
  { from: '2024-09-03', to: '2024-09-17' },
  { from: '2024-10-05T10:30:00Z', to: '2025-03-01T07:00:00Z' },
];

/**
 * /districts, /summary and the day and week timelines at res 7 and 8 for `f` against GROUP BYs over messages
 * (with a district: cell_day_district_counts, 0022).
 */
async function expectNaiveAnswers(app: FastifyInstance, sql: Sql, f: FilterCase) {
  await expectDistrictsAndSummary(app, sql, f, 8);
  for (const res of [7, 8]) {
    for (const bucket of ['day', 'week'] as const) await expectTimeline(app, sql, f, res, bucket);
  }
}

describe.each(BACKENDS)('day pre-aggregates for partial months (%s)', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let cases: FilterCase[];
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await loadDistrictsFile(db.sql, shippedDistrictsFile, 'NAME');
    await storeGenerated(db, {
      count: 2_500,
      seed: 18,
      from: '2024-03-01T00:00:00Z',
      to: '2025-04-01T00:00:00Z',
      timezone: TZ,
    });
    app = await buildTestApp(db);
    const [category] = await db.sql<{ name: string }[]>`
      SELECT c.name FROM categories c JOIN messages m ON m.category_id = c.id GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
    const [district] = await db.sql<{ id: number }[]>`
      SELECT district_id AS id FROM messages WHERE district_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`;
    const categories = [category?.name as string];
    const districts = [district?.id as number];
    cases = WINDOWS.flatMap((window) => [
      { window },
      { window, categories },
      { window, districts },
      { window, categories, districts },
    ]);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('windows with partial months answer as a GROUP BY over messages, after answers, resolutions and deletes too', async () => {
    for (const f of cases) await expectNaiveAnswers(app, db.sql, f);
    // Every open message of the autumn is answered within the hour, every other one of those resolved a
    // week later, a tenth of September's messages deleted: each its own transaction, as the app writes.
    await db.sql`UPDATE messages SET status = 'answered', answered_at = created_at + interval '40 minutes'
      WHERE answered_at IS NULL AND created_at >= '2024-09-01' AND created_at < '2024-12-01'`;
    await db.sql`UPDATE messages SET status = 'resolved', resolved_at = created_at + interval '7 days'
      WHERE resolved_at IS NULL AND answered_at IS NOT NULL AND id % 2 = 0
        AND created_at >= '2024-09-01' AND created_at < '2024-12-01'`;
    await db.sql`DELETE FROM messages WHERE id % 10 = 0 AND created_at >= '2024-09-01' AND created_at < '2024-10-01'`;
    expect(await rollupMismatches(db.sql)).toEqual([]);
    for (const f of cases) await expectNaiveAnswers(app, db.sql, f);
  });

  test('whole days of partial months are read from the day pre-aggregates, not from messages', async () => {
    const midnights = cases.filter((f) => !f.window?.from.includes('T'));
    const answers = async () =>
      Promise.all(
        midnights.map(async (f) => {
          const q = queryString(f);
          const summary = (await app.inject({ url: `/api/v1/summary?res=8&${q}` })).json();
          const districts = (await app.inject({ url: `/api/v1/districts?${q}` })).json();
          const timeline = (await app.inject({ url: `/api/v1/timeline?res=8&bucket=day&${q}` })).json();
          // Not compared: the previous period (as long, ending where the window starts: not between
          // midnights) and, within a district, the top cells (cell pre-aggregates have no district) and the
          // medians (histograms are kept per day for the whole database only), and within a category the
          // medians (histograms have no category: such medians are exact, from messages).
          const {
            topCells,
            previous: _p,
            change: _ch,
            medianAnswerMinutes,
            medianResolveMinutes,
            ...rest
          } = summary;
          const medians = f.districts || f.categories ? null : { medianAnswerMinutes, medianResolveMinutes };
          return {
            summary: rest,
            medians,
            topCells: f.districts ? null : topCells,
            districts: districts.features.map((d: { properties: Counts }) => counts(d.properties)),
            timeline: timeline.cells,
          };
        }),
      );
    const before = await answers();
    expect(before.every((a) => a.summary.count > 0)).toBe(true);
    // Behind the triggers' back (as no write path does): every message gets another category and answer
    // and resolution times, and data_version is bumped so no cached answer is served. Only an answer
    // computed from messages can see it.
    await db.sql.begin(async (tx) => {
      await tx`SET LOCAL session_replication_role = replica`;
      await tx`UPDATE messages SET category_id = (SELECT max(id) FROM categories),
        answered_at = created_at + interval '3 days', resolved_at = created_at + interval '9 days'`;
      await tx`UPDATE app_settings SET value = (value::bigint + 1)::text WHERE key = 'data_version'`;
    });
    expect(await answers()).toEqual(before);
  });
});
