import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shippedDistrictsFile } from '../../src/cli/generate-command';
import type { Sql } from '../../src/db/database';
import { SeededRandom } from '../../src/generate/seeded-random';
import { generateMessages } from '../../src/generate/synthetic-messages';
import { loadDistrictsFile, readDistrictsFile } from '../../src/ingest/districts-file';
import type { MessageInput } from '../../src/ingest/message-input';
import { upsertGenerated } from '../../src/ingest/upsert-generated';
import { upsertMessages } from '../../src/repositories/messages-repository';
import { rollupMismatches } from '../ingest/rollup-check';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp } from './app-helper';
import {
  type Counts,
  cellKey,
  counts,
  expectDistrictsAndSummary,
  expectTimeline,
  type FilterCase,
  naiveCounts,
  queryString,
} from './filter-oracle';

const TZ = 'Europe/Budapest';
const STATUSES = ['new', 'in_progress', 'answered', 'resolved', 'closed_unresolved'];
const SOURCES = ['vk', 'telegram', 'ok', 'gosuslugi'];
/** Whole months, whole years with edges, partial months, inside one month, instants that are not midnights. */
const WINDOWS = [
  { from: '2024-07-01', to: '2024-10-01' },
  { from: '2024-01-01', to: '2026-01-01' },
  { from: '2023-12-10', to: '2025-02-10' },
  { from: '2024-08-15', to: '2025-01-20' },
  { from: '2024-09-03', to: '2024-09-17' },
  { from: '2024-10-05T10:30:00Z', to: '2025-03-01T07:00:00Z' },
];

function subset<T>(random: SeededRandom, values: readonly T[]): T[] {
  const picked = values.filter(() => random.next() < 0.4);
  return picked.length > 0 ? picked : [values[random.int(values.length)] as T];
}

/** A random filter with a status or a source filter (or both), and any of the others. */
function randomCase(random: SeededRandom, categories: string[], districts: number[]): FilterCase {
  const f: FilterCase = {};
  const which = random.int(3);
  if (which !== 1) f.statuses = subset(random, STATUSES);
  if (which !== 0) f.sources = subset(random, SOURCES);
  if (random.next() < 0.4) f.categories = subset(random, categories).slice(0, 2);
  if (random.next() < 0.3) f.districts = subset(random, districts).slice(0, 2);
  if (random.next() < 0.8) f.window = WINDOWS[random.int(WINDOWS.length)];
  if (random.next() < 0.3) f.bbox = true;
  return f;
}

const asMap = <T>(entries: Array<[string, T]>) => new Map(entries.filter(([, c]) => (c as Counts).count > 0));

/**
 * Every answer of /hexagons, /timeline (month buckets), /districts and /summary for `f` against one
 * GROUP BY over messages. Cells and buckets with no message are left out of both sides.
 */
async function expectNaiveAnswers(app: FastifyInstance, sql: Sql, f: FilterCase, res: number) {
  const q = queryString(f);
  const label = `${q} res ${res}`;
  const hexagons = (await app.inject({ url: `/api/v1/hexagons?res=${res}&${q}` })).json();
  expect(hexagons.cells, label).toBeDefined();
  const window = { from: hexagons.from, to: hexagons.to };
  expect(
    asMap(hexagons.cells.map((c: Counts & { h3: string }) => [c.h3, counts(c)])),
    `/hexagons ${label}`,
  ).toEqual(await naiveCounts(sql, f, cellKey(sql, res), window));

  // Month buckets from the month pre-aggregates, day and week buckets at res 7 and 8 from the month rows of
  // days by source or by status (0019), or the day counts (0014) with both: every bucket equals the GROUP BY.
  for (const bucket of ['month', 'week', 'day'] as const) await expectTimeline(app, sql, f, res, bucket);

  if (f.bbox) return; // /districts and /summary filter points by a bbox, not whole cells
  await expectDistrictsAndSummary(app, sql, f, res);
}

describe.each(BACKENDS)('status and source filters on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let categories: string[];
  let districtIds: number[];
  let generated: MessageInput[];
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await loadDistrictsFile(db.sql, shippedDistrictsFile, 'NAME');
    generated = [
      ...generateMessages({
        count: 2_500,
        seed: 11,
        districts: await readDistrictsFile(shippedDistrictsFile, 'NAME'),
        from: new Date('2024-03-01T00:00:00Z'),
        to: new Date('2025-04-01T00:00:00Z'),
        timezone: TZ,
      }),
    ];
    await upsertGenerated(db, generated, TZ);
    app = await buildTestApp(db);
    categories = (await db.sql<{ name: string }[]>`SELECT name FROM categories ORDER BY id`).map(
      (r) => r.name,
    );
    districtIds = (await db.sql<{ id: number }[]>`SELECT id FROM districts ORDER BY id`).map((r) => r.id);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('random combinations of status, source, category, district, bbox and window answer as a GROUP BY over messages', async () => {
    const random = new SeededRandom(backend === 'server' ? 101 : 202);
    for (let i = 0; i < 16; i++) {
      await expectNaiveAnswers(app, db.sql, randomCase(random, categories, districtIds), 5 + random.int(5));
    }
  });

  test("after status changes over the messages' lives and a re-import, the answers still equal the GROUP BY", async () => {
    // Every open message is answered, then half of those resolved, each in its own transaction.
    const open = generated.filter((m) => m.answeredAt === null);
    const answered = open.map((m) => ({
      ...m,
      status: 'answered' as const,
      answeredAt: new Date(m.createdAt.getTime() + 90 * 60_000),
    }));
    const resolved = answered
      .filter((_, i) => i % 2 === 0)
      .map((m) => ({
        ...m,
        status: 'resolved' as const,
        resolvedAt: new Date(m.createdAt.getTime() + 86_400_000),
      }));
    expect(open.length).toBeGreaterThan(10);
    for (const batch of [answered, resolved]) {
      await db.sql.begin((tx) => upsertMessages(tx as unknown as Sql, batch, TZ));
    }
    expect(await upsertGenerated(db, generated.slice(0, 500), TZ)).toEqual({
      inserted: 0,
      updated: expect.any(Number),
      unchanged: expect.any(Number),
    });
    expect(await rollupMismatches(db.sql)).toEqual([]);
    const random = new SeededRandom(backend === 'server' ? 303 : 404);
    await expectNaiveAnswers(app, db.sql, { statuses: ['new', 'in_progress'] }, 8);
    await expectNaiveAnswers(app, db.sql, { statuses: ['resolved'], window: WINDOWS[2] }, 7);
    await expectNaiveAnswers(app, db.sql, { sources: ['vk'], window: WINDOWS[3] }, 8);
    await expectNaiveAnswers(app, db.sql, { sources: ['ok'], categories: categories.slice(0, 1) }, 7);
    await expectNaiveAnswers(
      app,
      db.sql,
      { statuses: ['answered'], categories: categories.slice(1, 3), window: WINDOWS[1] },
      8,
    );
    for (let i = 0; i < 8; i++) {
      await expectNaiveAnswers(app, db.sql, randomCase(random, categories, districtIds), 5 + random.int(4));
    }
  });

  test('unanswered only: the share answered in time is null until a message is past the limit, then 0', async () => {
    const fresh = (id: string, minutesAgo: number): MessageInput => ({
      ...(generated[0] as MessageInput),
      externalId: id,
      category: 'Fresh',
      status: 'new',
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
      answeredAt: null,
      resolvedAt: null,
    });
    const share = async () =>
      (await app.inject({ url: '/api/v1/summary?res=8&category=Fresh&status=new,in_progress' })).json()
        .answeredInTimeShare;
    await db.sql.begin((tx) => upsertMessages(tx as unknown as Sql, [fresh('fresh-1', 10)], TZ));
    expect(await share()).toBeNull();
    await db.sql.begin((tx) => upsertMessages(tx as unknown as Sql, [fresh('fresh-2', 3 * 1440)], TZ));
    expect(await share()).toBe(0);
  });

  test('whole months with a status or source filter are read from the pre-aggregates, not from messages', async () => {
    const cases: FilterCase[] = [
      { statuses: ['resolved'], window: WINDOWS[0] },
      { sources: ['vk'], window: WINDOWS[1] },
      {
        statuses: ['answered', 'resolved'],
        sources: ['telegram'],
        categories: categories.slice(0, 2),
        window: WINDOWS[0],
      },
      { sources: ['ok'], bbox: true },
    ];
    const answers = async (f: FilterCase) => {
      const q = queryString(f);
      const read = async (url: string) => (await app.inject({ url })).json();
      const [hexagons, timeline, districts, summary] = await Promise.all([
        read(`/api/v1/hexagons?res=8&${q}`),
        read(`/api/v1/timeline?res=7&bucket=month&${q}`),
        f.bbox ? null : read(`/api/v1/districts?${q}`),
        f.bbox ? null : read(`/api/v1/summary?res=8&${q}`),
      ]);
      return {
        hexagons: hexagons.cells,
        timeline: timeline.cells,
        districts: districts?.features.map((d: { properties: Counts }) => counts(d.properties)),
        summary: summary && { ...counts(summary), answeredInTimeShare: summary.answeredInTimeShare },
      };
    };
    // The control room's view: with nothing answered, medians and the share answered in time need no message
    // older than the answer limit (a day), so the whole summary comes from the pre-aggregates.
    const unanswered = ['status=new,in_progress', 'status=new&from=2024-07-01&to=2024-10-01'];
    const summaries = () =>
      Promise.all(
        unanswered.map(async (q) => (await app.inject({ url: `/api/v1/summary?res=8&${q}` })).json()),
      );
    const before = await Promise.all(cases.map(answers));
    const summariesBefore = await summaries();
    expect(summariesBefore.map((s) => s.answeredInTimeShare)).toEqual([0, 0]);
    expect(before.every((a) => a.hexagons.length > 0)).toBe(true);
    // Behind the triggers' back (as no write path does): every message moves to another status and
    // source, and data_version is bumped so no cached answer is served. Only an answer computed from
    // messages can see it.
    await db.sql.begin(async (tx) => {
      await tx`SET LOCAL session_replication_role = replica`;
      await tx`UPDATE messages SET status = 'closed_unresolved',
        source_id = (SELECT id FROM sources WHERE name = 'gosuslugi')`;
      await tx`UPDATE app_settings SET value = (value::bigint + 1)::text WHERE key = 'data_version'`;
    });
    expect(await Promise.all(cases.map(answers))).toEqual(before);
    expect(await summaries()).toEqual(summariesBefore);
  });
});
