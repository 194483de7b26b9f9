import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp } from './app-helper';
import { BBOX, hexagonOverlapsBbox } from './bbox-truth';
import { budapestMidnight, countBy, loadTruth, medianMinutes, type TruthRow } from './jarokelo-truth';

interface Named {
  id: number;
  name: string;
}

/** Windows as the API takes them, with the same window as epoch ms for the independent count. */
const WINDOWS = [
  { query: '', from: -Infinity, to: Infinity },
  {
    query: 'from=2024-01-01&to=2024-07-01',
    from: budapestMidnight('2024-01-01'),
    to: budapestMidnight('2024-07-01'),
  },
  {
    query: 'from=2024-03-15T12:00:00%2B01:00&to=2024-05-02T00:00:00Z',
    from: Date.parse('2024-03-15T11:00:00Z'),
    to: Date.parse('2024-05-02T00:00:00Z'),
  },
];

describe.each(BACKENDS)('heat map routes on %s with the Járókelő data', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let truth: TruthRow[];
  let categories: Named[];
  let districts: Named[];

  const get = async (url: string) => {
    const response = await app.inject({ url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'seeded');
    app = await buildTestApp(db);
    const meta = await get('/api/v1/meta');
    categories = meta.categories;
    districts = meta.districts;
    const stored = new Set(
      (await db.sql<{ external_id: string }[]>`SELECT external_id FROM messages`).map((r) => r.external_id),
    );
    // The independent count covers the rows the import accepted (it rejects the 9 without a category).
    const all = loadTruth(districts.map((d) => d.name));
    truth = all.filter((r) => stored.has(r.externalId));
    expect(all.length - truth.length).toBeLessThan(20);
    expect(truth.length).toBe(meta.total);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const categoryId = (name: string) => (categories.find((c) => c.name === name) as Named).id;
  const districtId = (name: string) => (districts.find((d) => d.name === name) as Named).id;

  /** Filter combinations: query text and the same predicate over the raw rows. */
  const filters = () => [
    { query: '', keep: (_: TruthRow, _res: number) => true },
    {
      query: `category=${categoryId('Kátyú')},${categoryId('Graffiti')}`,
      keep: (r: TruthRow) => ['Kátyú', 'Graffiti'].includes(r.category),
    },
    { query: 'status=new,in_progress', keep: (r: TruthRow) => ['new', 'in_progress'].includes(r.status) },
    {
      query: `district=${districtId('VIII. kerület')}&status=resolved`,
      keep: (r: TruthRow) => r.district === 'VIII. kerület' && r.status === 'resolved',
    },
    {
      // Per-cell aggregates keep the cells whose hexagon overlaps the bbox, with all their messages.
      query: `bbox=${BBOX.join(',')}`,
      keep: (r: TruthRow, res: number) => hexagonOverlapsBbox(r.cells[res] as string),
    },
  ];

  const inWindow = (w: (typeof WINDOWS)[number]) => (r: TruthRow) => r.created >= w.from && r.created < w.to;

  test.each([5, 7, 8, 9, 10])(
    '/hexagons at res %i: every cell equals the count from the file',
    async (res) => {
      for (const window of WINDOWS) {
        for (const filter of filters()) {
          const rows = truth.filter((r) => inWindow(window)(r) && filter.keep(r, res));
          const body = await get(`/api/v1/hexagons?res=${res}&${window.query}&${filter.query}`);
          const byCell = Object.fromEntries(
            body.cells.map((c: { h3: string; count: number }) => [c.h3, c.count]),
          );
          expect(byCell, `${window.query} ${filter.query}`).toEqual(
            Object.fromEntries(countBy(rows, (r) => r.cells[res] as string)),
          );
          expect(body.total).toBe(rows.length);
        }
      }
    },
  );

  test('/hexagons cell metrics: open, answered, resolved, medians within 2 % and exact on request', async () => {
    const window = WINDOWS[1] as (typeof WINDOWS)[number];
    const rows = truth.filter(inWindow(window));
    const body = await get(`/api/v1/hexagons?res=7&${window.query}&medians=true`);
    expect(body.cells.length).toBeGreaterThan(20);
    for (const cell of body.cells) {
      const mine = rows.filter((r) => r.cells[7] === cell.h3);
      expect(cell).toEqual({
        h3: cell.h3,
        count: mine.length,
        open: mine.filter((r) => r.answered === null).length,
        answered: mine.filter((r) => r.answered !== null).length,
        resolved: mine.filter((r) => r.resolved !== null).length,
        medianAnswerMinutes: cell.medianAnswerMinutes,
        medianResolveMinutes: cell.medianResolveMinutes,
      });
      expectWithinTwoPercent(cell.medianAnswerMinutes, medianMinutes(mine, 'answered'), cell.h3);
      expectWithinTwoPercent(cell.medianResolveMinutes, medianMinutes(mine, 'resolved'), cell.h3);
    }
    const [first] = body.cells;
    const exact = await get(`/api/v1/hexagons?h3=${first.h3}&${window.query}&medians=true&exact=true`);
    const mine = rows.filter((r) => r.cells[7] === first.h3);
    expect(exact.cells[0].medianAnswerMinutes).toBe(medianMinutes(mine, 'answered'));
    expect(exact.cells[0].medianResolveMinutes).toBe(medianMinutes(mine, 'resolved'));
  });

  test('/hexagons without medians=true: the same counts, no medians', async () => {
    const query = 'res=8&from=2024-01-01&to=2024-07-01&category=1';
    const full = await get(`/api/v1/hexagons?${query}&medians=true`);
    const lean = await get(`/api/v1/hexagons?${query}`);
    expect(lean.cells).toEqual(
      full.cells.map((c: object) => ({ ...c, medianAnswerMinutes: null, medianResolveMinutes: null })),
    );
  });

  test.each([
    { res: 8, bucket: 'week', query: 'from=2024-01-01&to=2024-07-01', from: '2024-01-01', to: '2024-07-01' },
    {
      res: 9,
      bucket: 'day',
      query: 'from=2024-03-25&to=2024-04-08&status=resolved',
      from: '2024-03-25',
      to: '2024-04-08',
    },
    { res: 6, bucket: 'month', query: '', from: null, to: null },
    { res: 7, bucket: 'hour', query: 'from=2024-10-26&to=2024-10-28', from: '2024-10-26', to: '2024-10-28' },
    // Day counts pre-aggregate (res 7 and 8, no filter), across both DST changes of 2024.
    { res: 7, bucket: 'day', query: 'from=2024-01-01&to=2025-01-01', from: '2024-01-01', to: '2025-01-01' },
    { res: 8, bucket: 'day', query: 'from=2024-03-01&to=2024-11-01', from: '2024-03-01', to: '2024-11-01' },
    { res: 7, bucket: 'week', query: '', from: null, to: null },
    // Month pre-aggregate for whole months, messages for the partial months at the edges.
    {
      res: 8,
      bucket: 'month',
      query: `from=2024-03-15&to=2024-09-10&category=${encodeURIComponent('Kátyú')}`,
      from: '2024-03-15',
      to: '2024-09-10',
      keep: (r: TruthRow) => r.category === 'Kátyú',
    },
    {
      res: 8,
      bucket: 'week',
      query: `from=2024-01-01&to=2024-04-01&bbox=${BBOX.join(',')}`,
      from: '2024-01-01',
      to: '2024-04-01',
      keep: (r: TruthRow) => hexagonOverlapsBbox(r.cells[8] as string),
    },
  ] as Array<{
    res: number;
    bucket: string;
    query: string;
    from: string | null;
    to: string | null;
    keep?: (r: TruthRow) => boolean;
  }>)('/timeline res $res by $bucket $query: every bucket equals the count from the file', async (c) => {
    const body = await get(`/api/v1/timeline?res=${c.res}&bucket=${c.bucket}&${c.query}`);
    const edges: number[] = body.edges.map((e: string) => Date.parse(e));
    if (c.from) expect(edges[0]).toBe(budapestMidnight(c.from));
    if (c.to) expect(edges[edges.length - 1]).toBe(budapestMidnight(c.to));
    if (c.bucket === 'hour') expect(edges.length - 1).toBe(49); // 2024-10-27 has 25 hours in Budapest
    if (c.bucket === 'month' && !c.from) expect(body.totals.length).toBe(24);
    const keep = (r: TruthRow) =>
      (!c.query.includes('status=resolved') || r.status === 'resolved') && (c.keep?.(r) ?? true);
    const rows = truth.filter(
      (r) => keep(r) && r.created >= (edges[0] as number) && r.created < (edges.at(-1) as number),
    );
    const bucketOf = (t: number) => edges.findLastIndex((e) => e <= t);
    const expected = countBy(rows, (r) => `${r.cells[c.res]}#${bucketOf(r.created)}`);
    const actual = new Map<string, number>();
    body.cells.h3.forEach((h3: string, i: number) => {
      for (let k = body.cells.offsets[i]; k < body.cells.offsets[i + 1]; k++) {
        actual.set(`${h3}#${body.cells.buckets[k]}`, body.cells.counts[k]);
      }
    });
    expect(actual).toEqual(expected);
    const totals = Array.from(
      { length: edges.length - 1 },
      (_, b) => rows.filter((r) => bucketOf(r.created) === b).length,
    );
    expect(body.totals).toEqual(totals);
  });

  test('/districts: metrics per district equal a point-in-polygon count', async () => {
    for (const window of WINDOWS) {
      const rows = truth.filter(inWindow(window));
      const body = await get(`/api/v1/districts?${window.query}&medians=true`);
      expect(body.features).toHaveLength(23);
      const expected = countBy(rows, (r) => r.district);
      for (const feature of body.features) {
        expect(feature.geometry.type).toBe('MultiPolygon');
        expect(feature.properties.count, feature.properties.name).toBe(
          expected.get(feature.properties.name) ?? 0,
        );
        const mine = rows.filter((r) => r.district === feature.properties.name);
        expectWithinTwoPercent(
          feature.properties.medianAnswerMinutes,
          medianMinutes(mine, 'answered'),
          feature.properties.name,
        );
      }
    }
  });

  test('/summary: totals, previous period, top categories', async () => {
    const body = await get('/api/v1/summary?from=2024-04-01&to=2024-07-01&res=8&top=3');
    const current = truth.filter((r) => r.day >= '2024-04-01' && r.day < '2024-07-01');
    const span = budapestMidnight('2024-07-01') - budapestMidnight('2024-04-01');
    const previous = truth.filter(
      (r) => r.created >= budapestMidnight('2024-04-01') - span && r.created < budapestMidnight('2024-04-01'),
    );
    expect(body.count).toBe(current.length);
    expect(body.open).toBe(current.filter((r) => r.answered === null).length);
    expect(body.answeredShare).toBeCloseTo(
      current.filter((r) => r.answered !== null).length / current.length,
      10,
    );
    expectWithinTwoPercent(body.medianAnswerMinutes, medianMinutes(current, 'answered'), 'summary');
    const minutes = (r: TruthRow) => Math.floor(((r.answered as number) - r.created) / 60_000);
    const due = current.filter((r) => r.answered !== null || (Date.now() - r.created) / 60_000 > 1440);
    const inTime = current.filter((r) => r.answered !== null && minutes(r) <= 1440);
    expect(body.answerLimitMinutes).toBe(1440);
    expect(body.answeredInTimeShare).toBeCloseTo(inTime.length / due.length, 10);
    expect(body.previous.count).toBe(previous.length);
    expect(body.change.count).toBeCloseTo((current.length - previous.length) / previous.length, 10);
    const top = [...countBy(current, (r) => r.category)].sort((a, b) => b[1] - a[1]).slice(0, 3);
    expect(body.topCategories.map((c: Named & { count: number }) => [c.name, c.count])).toEqual(top);
    const topCell = [...countBy(current, (r) => r.cells[8] as string)].sort((a, b) => b[1] - a[1])[0];
    expect(body.topCells[0].count).toBe(topCell?.[1]);
  });

  test('paging through a cell returns every matching message once, newest first', async () => {
    const cell = [...countBy(truth, (r) => r.cells[7] as string)].sort(
      (a, b) => b[1] - a[1],
    )[0]?.[0] as string;
    for (const query of ['', `&category=${categoryId('Köztisztaság')}&from=2024-01-01`, '&q=kuka']) {
      const seen: Array<{ id: string; url: string; createdAt: string }> = [];
      let cursor: string | null = null;
      do {
        const page = await get(
          `/api/v1/cells/${cell}/messages?limit=97${query}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        seen.push(...page.messages);
        cursor = page.nextCursor;
      } while (cursor);
      const expected = truth.filter(
        (r) =>
          r.cells[7] === cell &&
          (query !== `&category=${categoryId('Köztisztaság')}&from=2024-01-01` ||
            (r.category === 'Köztisztaság' && r.day >= '2024-01-01')) &&
          (query !== '&q=kuka' || [r.title, r.text, r.address].some((t) => t.toLowerCase().includes('kuka'))),
      );
      expect(seen.map((m) => m.url).sort()).toEqual(expected.map((r) => r.url).sort());
      for (let i = 1; i < seen.length; i++) {
        const [a, b] = [seen[i - 1], seen[i]] as [(typeof seen)[number], (typeof seen)[number]];
        const ordered =
          a.createdAt > b.createdAt || (a.createdAt === b.createdAt && BigInt(a.id) > BigInt(b.id));
        expect(ordered, `${a.id} before ${b.id}`).toBe(true);
      }
    }
  });

  test('/messages/{id} returns one message without personal data; unknown ids get 404', async () => {
    const [row] = await db.sql<
      { id: bigint }[]
    >`SELECT id FROM messages WHERE author_url IS NOT NULL LIMIT 1`;
    const message = await get(`/api/v1/messages/${row?.id}`);
    expect(message.id).toBe(String(row?.id));
    expect(Object.keys(message)).not.toContain('author');
    expect(JSON.stringify(message)).not.toMatch(/author/);
    const missing = await app.inject({ url: '/api/v1/messages/999999999' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toBe('No message with id 999999999');
  });

  test('/meta lists what a filter panel needs', async () => {
    const meta = await get('/api/v1/meta');
    expect(meta.timezone).toBe('Europe/Budapest');
    expect(meta.categories).toHaveLength(14);
    expect(meta.districts).toHaveLength(23);
    expect(meta.extent.from).toBe(new Date(budapestMidnight('2023-11-13')).toISOString());
    const statuses = Object.fromEntries(
      meta.statuses.map((s: { id: string; count: number }) => [s.id, s.count]),
    );
    expect(statuses).toEqual(Object.fromEntries(countBy(truth, (r) => r.status)));
  });
});

/** The map's medians come from histograms (docs/metrics.md): within 2 % of the exact median, none without one. */
function expectWithinTwoPercent(got: number | null, exact: number | null, label: string) {
  if (exact === null) expect(got, label).toBeNull();
  else expect(Math.abs((got as number) - exact), label).toBeLessThanOrEqual(0.02 * exact);
}
