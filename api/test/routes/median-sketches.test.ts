import { SKETCH_RELATIVE_ERROR, sketchBucket, sketchMedian } from '@heatmap/geo';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shippedDistrictsFile } from '../../src/cli/generate-command';
import { loadDistrictsFile } from '../../src/ingest/districts-file';
import type { Fragment } from '../../src/queries/filter-sql';
import { rollupMismatches } from '../ingest/rollup-check';
import { storeGenerated } from '../support/store-generated';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp } from './app-helper';

const TZ = 'Europe/Budapest';

/** percentile_cont(0.5) of whole minutes, computed here from the values (docs/metrics.md). */
function exactMedian(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(mid)] as number) + (sorted[Math.ceil(mid)] as number)) / 2;
}

function histogramMedian(values: number[]): number | null {
  return sketchMedian(values.map((v) => [sketchBucket(v), 1] as const));
}

interface Times {
  answers: number[];
  resolves: number[];
}

type Median = number | null;
interface MedianPair {
  medianAnswerMinutes: Median;
  medianResolveMinutes: Median;
}

/**
 * Medians from the histograms of the pre-aggregates (migration 0014), and the exact median on request.
 * The truth is the messages' minutes read here: the histogram median of the /hexagons and /districts
 * answers must be the one geo's rule gives for those minutes (so the database buckets and merges them as
 * the rule does), and within the stated relative error of the exact median.
 */
describe.each(BACKENDS)('medians from histograms (%s)', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await loadDistrictsFile(db.sql, shippedDistrictsFile, 'NAME');
    await storeGenerated(db, {
      count: 4_000,
      seed: 14,
      from: '2024-06-01T00:00:00Z',
      to: '2025-04-01T00:00:00Z',
      timezone: TZ,
    });
    app = await buildTestApp(db);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  /** Answer and resolution minutes per group key, from the messages of the window. */
  async function timesBy(
    key: 'h3_7' | 'h3_8' | 'district',
    window: { from?: string; to?: string },
    where = db.sql`true`,
  ) {
    const column =
      key === 'district' ? db.sql`coalesce(district_id, 0)::text` : db.sql`to_hex(${db.sql(key)})`;
    // greatest(0, NULL) is 0, hence the CASEs: a message without the time has none.
    const rows = await db.sql<{ key: string; am: number | null; rm: number | null }[]>`
      SELECT ${column} AS key,
        CASE WHEN answered_at IS NOT NULL
          THEN greatest(0, floor(extract(epoch FROM answered_at - created_at) / 60))::int END AS am,
        CASE WHEN resolved_at IS NOT NULL
          THEN greatest(0, floor(extract(epoch FROM resolved_at - created_at) / 60))::int END AS rm
      FROM messages
      WHERE ${where} AND created_at >= coalesce(${window.from ?? null}::timestamptz, '-infinity')
        AND created_at < coalesce(${window.to ?? null}::timestamptz, 'infinity')`;
    const times = new Map<string, Times>();
    for (const row of rows) {
      const t = times.get(row.key) ?? { answers: [], resolves: [] };
      if (row.am !== null) t.answers.push(row.am);
      if (row.rm !== null) t.resolves.push(row.rm);
      times.set(row.key, t);
    }
    return times;
  }

  function expectHistogramMedians(got: MedianPair, times: Times | undefined, label: string) {
    const answers = times?.answers ?? [];
    const resolves = times?.resolves ?? [];
    expect(got.medianAnswerMinutes, label).toBe(histogramMedian(answers));
    expect(got.medianResolveMinutes, label).toBe(histogramMedian(resolves));
    for (const [estimate, exact] of [
      [got.medianAnswerMinutes, exactMedian(answers)],
      [got.medianResolveMinutes, exactMedian(resolves)],
    ] as const) {
      if (exact === null) expect(estimate, label).toBeNull();
      else
        expect(Math.abs((estimate as number) - exact), label).toBeLessThanOrEqual(
          SKETCH_RELATIVE_ERROR * exact,
        );
    }
  }

  const WINDOWS: Array<{ from?: string; to?: string }> = [
    {},
    { from: '2024-06-01T00:00:00+02:00', to: '2025-01-01T00:00:00+01:00' },
    { from: '2024-08-15T00:00:00+02:00', to: '2025-01-20T00:00:00+01:00' },
  ];

  test('/hexagons?medians=true: each cell the histogram median of its minutes, within 2 % of the exact one', async () => {
    let differs = 0;
    for (const window of WINDOWS) {
      const query = new URLSearchParams({
        res: '7',
        medians: 'true',
        ...(window as Record<string, string>),
      }).toString();
      const body = (await app.inject({ url: `/api/v1/hexagons?${query}` })).json();
      const times = await timesBy('h3_7', window);
      expect(body.cells.length).toBe(times.size);
      for (const cell of body.cells as Array<MedianPair & { h3: string }>) {
        const t = times.get(cell.h3);
        expectHistogramMedians(cell, t, `${cell.h3} ${query}`);
        if (cell.medianAnswerMinutes !== exactMedian(t?.answers ?? [])) differs++;
      }
    }
    // Not a data set where estimate and exact median happen to agree everywhere.
    expect(differs).toBeGreaterThan(0);
  });

  test('res-8 cells over all time: the histogram median of each cell, from its cumulative counts alone', async () => {
    const url = '/api/v1/hexagons?res=8&medians=true';
    const body = (await app.inject({ url })).json();
    const times = await timesBy('h3_8', {});
    expect(body.cells.length).toBe(times.size);
    for (const cell of body.cells as Array<MedianPair & { h3: string }>) {
      expectHistogramMedians(cell, times.get(cell.h3), cell.h3);
    }
    // Without the year and month histograms (renamed away, and a new data_version so nothing is cached),
    // the same answer: it comes from cell_all_time_sketch (0020).
    const away = ['cell_year_sketch', 'cell_year_sketch_coarse', 'cell_month_sketch'];
    const bump = () =>
      db.sql`UPDATE app_settings SET value = (value::bigint + 1)::text WHERE key = 'data_version'`;
    for (const table of away) await db.sql`ALTER TABLE ${db.sql(table)} RENAME TO ${db.sql(`${table}_away`)}`;
    try {
      await bump();
      const again = await app.inject({ url });
      expect(again.statusCode).toBe(200);
      expect(again.json().cells).toEqual(body.cells);
    } finally {
      for (const table of away)
        await db.sql`ALTER TABLE ${db.sql(`${table}_away`)} RENAME TO ${db.sql(table)}`;
      await bump();
    }
  });

  test('/districts and /summary with medians: histogram medians per district and over everything', async () => {
    for (const window of WINDOWS) {
      const query = new URLSearchParams({
        medians: 'true',
        ...(window as Record<string, string>),
      }).toString();
      const body = (await app.inject({ url: `/api/v1/districts?${query}` })).json();
      const times = await timesBy('district', window);
      for (const feature of body.features as Array<{ properties: MedianPair & { id: number } }>) {
        expectHistogramMedians(
          feature.properties,
          times.get(String(feature.properties.id)),
          `district ${query}`,
        );
      }
      const summary = (await app.inject({ url: `/api/v1/summary?res=7&${query}` })).json();
      const every = [...times.values()];
      expectHistogramMedians(
        summary,
        { answers: every.flatMap((t) => t.answers), resolves: every.flatMap((t) => t.resolves) },
        `summary ${query}`,
      );
    }
  });

  test('/summary with a category, source or status filter: histogram medians of those times, whole years and months from the facet histograms (0021)', async () => {
    const [category] = await db.sql<{ id: number; name: string }[]>`
      SELECT c.id::int, c.name FROM categories c JOIN messages m ON m.category_id = c.id
      GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`;
    const { id, name } = category as { id: number; name: string };
    const filters: Array<{ query: Record<string, string>; where: Fragment }> = [
      { query: { category: name }, where: db.sql`category_id = ${id}` },
      { query: { source: 'vk' }, where: db.sql`source_id = (SELECT id FROM sources WHERE name = 'vk')` },
      { query: { status: 'resolved' }, where: db.sql`status = 'resolved'` },
      {
        query: { source: 'telegram,ok', status: 'answered,resolved', category: name },
        where: db.sql`source_id IN (SELECT id FROM sources WHERE name IN ('telegram', 'ok'))
          AND status IN ('answered', 'resolved') AND category_id = ${id}`,
      },
    ];
    const summaryOf = async (query: Record<string, string>) =>
      (await app.inject({ url: `/api/v1/summary?res=7&${new URLSearchParams(query)}` })).json();
    for (const window of WINDOWS) {
      for (const { query, where } of filters) {
        const times = [...(await timesBy('district', window, where)).values()];
        const q = { ...query, ...(window as Record<string, string>) };
        expect(times.some((t) => t.answers.length > 0)).toBe(true);
        expectHistogramMedians(
          await summaryOf(q),
          { answers: times.flatMap((t) => t.answers), resolves: times.flatMap((t) => t.resolves) },
          `summary ${new URLSearchParams(q)}`,
        );
      }
    }
    // Each table emptied in its turn (an empty copy in its place, a new data_version so nothing is cached): the
    // counts stay and the medians are gone, so they came from there. All time is whole years (year table);
    // June to December 2024 whole months (month table).
    const bump = () =>
      db.sql`UPDATE app_settings SET value = (value::bigint + 1)::text WHERE key = 'data_version'`;
    const reads = [
      ['year_facet_sketch', { source: 'vk' }],
      ['month_facet_sketch', { source: 'vk', ...(WINDOWS[1] as Record<string, string>) }],
    ] as const;
    for (const [table, query] of reads) {
      const before = await summaryOf(query);
      expect(before.medianAnswerMinutes, table).not.toBeNull();
      await db.sql`ALTER TABLE ${db.sql(table)} RENAME TO ${db.sql(`${table}_away`)}`;
      await db.sql`CREATE TABLE ${db.sql(table)} (LIKE ${db.sql(`${table}_away`)} INCLUDING ALL)`;
      try {
        await bump();
        const after = await summaryOf(query);
        expect(after.count, table).toBe(before.count);
        expect(after.medianAnswerMinutes, table).toBeNull();
        expect(after.medianResolveMinutes, table).toBeNull();
      } finally {
        await db.sql`DROP TABLE ${db.sql(table)}`;
        await db.sql`ALTER TABLE ${db.sql(`${table}_away`)} RENAME TO ${db.sql(table)}`;
        await bump();
      }
    }
  });

  test('exact=true for one cell or one district: the exact median; for more, a 400 naming the parameter', async () => {
    const times = await timesBy('h3_7', {});
    const [busiest] = [...times].sort((a, b) => b[1].answers.length - a[1].answers.length);
    const [h3, t] = busiest as [string, Times];
    const one = (await app.inject({ url: `/api/v1/hexagons?h3=${h3}&medians=true&exact=true` })).json();
    expect(one.res).toBe(7);
    expect(one.cells).toHaveLength(1);
    expect(one.cells[0].medianAnswerMinutes).toBe(exactMedian(t.answers));
    expect(one.cells[0].medianResolveMinutes).toBe(exactMedian(t.resolves));
    const estimated = (await app.inject({ url: `/api/v1/hexagons?h3=${h3}&medians=true` })).json();
    expectHistogramMedians(estimated.cells[0], t, h3);

    const byDistrict = await timesBy('district', {});
    const [id, dt] = [...byDistrict].find(([key]) => key !== '0') as [string, Times];
    const district = (
      await app.inject({ url: `/api/v1/districts?district=${id}&medians=true&exact=true` })
    ).json();
    const properties = district.features.find((f: { id: number }) => f.id === Number(id)).properties;
    expect(properties.medianAnswerMinutes).toBe(exactMedian(dt.answers));
    expect(properties.medianResolveMinutes).toBe(exactMedian(dt.resolves));

    for (const url of [
      '/api/v1/hexagons?res=7&medians=true&exact=true',
      `/api/v1/hexagons?res=8&h3=${h3}&medians=true&exact=true`,
      '/api/v1/districts?medians=true&exact=true',
      `/api/v1/districts?district=${id},1${id}&medians=true&exact=true`,
    ]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(400);
      expect(response.json().message, url).toMatch(/"(exact|res)"/);
    }
  });

  test('the histograms equal a recomputation from the messages', async () => {
    expect(await rollupMismatches(db.sql)).toEqual([]);
  });
});
