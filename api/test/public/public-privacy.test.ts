import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { parseFilters } from '../../src/queries/message-filter';
import { testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { findPersonalData, loadRawPersonalData, type RawPersonalData } from './raw-personal-data';

const K = 5;
const safeRemainder = (n: number | null) => n === null || n === 0 || n >= K;
const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

interface PublicCell {
  h3: string;
  count: number;
}

describe.each(BACKENDS)('public API privacy on %s with the Járókelő data', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let raw: RawPersonalData;
  let filters: string[];

  const get = async (url: string, on: FastifyInstance = app) => {
    const response = await on.inject({ url: `/api/v1/public/${url}` });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    return response;
  };

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'seeded');
    app = await buildApp({ db, config: testConfig() });
    raw = loadRawPersonalData();
    const meta = (await get('meta')).json();
    const category = meta.categories.find((c: { name: string }) => c.name === 'Graffiti').id;
    const district = meta.districts.find((d: { name: string }) => d.name === 'VIII. kerület').id;
    filters = [
      '',
      'from=2024-01-01&to=2024-07-01',
      `category=${category}`,
      'status=new',
      `district=${district}&status=resolved&from=2024-03-01&to=2024-04-01`,
      'bbox=19.03,47.47,19.09,47.52',
    ];
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('the raw file does hold the personal data the scan looks for', () => {
    expect(raw.authors.length).toBeGreaterThan(1000);
    expect(raw.profiles.length).toBeGreaterThan(1000);
    expect(raw.emails.length).toBeGreaterThan(20);
    expect(raw.phones.length).toBeGreaterThan(20);
    expect(findPersonalData(`{"x":${[...raw.coordinates][0]}}`, raw)).toHaveLength(1);
  });

  test('no public answer, on any route and filter, holds an author, a link, a contact or a point', async () => {
    const leaks: string[] = [];
    for (const filter of filters) {
      for (const route of [
        'meta?',
        'hexagons?res=8&medians=true&',
        'hexagons?res=6&',
        'timeline?res=8&bucket=month&',
        'timeline?res=7&',
        'districts?medians=true&',
        'summary?top=50&',
      ]) {
        const body = (await get(`${route}${filter}`)).body;
        // District outlines are public geometry, not anybody's point.
        const scanned = route.startsWith('districts')
          ? JSON.stringify(stripGeometry(JSON.parse(body)))
          : body;
        leaks.push(...findPersonalData(scanned, raw).map((leak) => `${route}${filter}: ${leak}`));
      }
    }
    const cells: PublicCell[] = (await get('hexagons?res=8')).json().cells;
    for (const cell of cells.slice(0, 5)) {
      const body = (await get(`cells/${cell.h3}/messages?limit=500`)).body;
      leaks.push(...findPersonalData(body, raw));
    }
    expect(leaks).toEqual([]);
  });

  test('no cell, district, category or bucket value under k is published', async () => {
    for (const filter of filters) {
      const hexagons = (await get(`hexagons?res=8&${filter}`)).json();
      expect(
        hexagons.cells.every((c: PublicCell) => c.count >= K),
        filter,
      ).toBe(true);
      const timeline = (await get(`timeline?res=8&bucket=month&${filter}`)).json();
      expect(
        timeline.cells.counts.every((n: number) => n >= K),
        filter,
      ).toBe(true);
      expect(
        timeline.totals.every((n: number | null) => n === null || n === 0 || n >= K),
        filter,
      ).toBe(true);
      const districts = (await get(`districts?${filter}`)).json();
      for (const f of districts.features) expect(safeRemainder(f.properties.count), filter).toBe(true);
      const summary = (await get(`summary?top=50&${filter}`)).json();
      expect(safeRemainder(summary.count), filter).toBe(true);
      expect(
        summary.topCategories.every((c: { count: number }) => c.count >= K),
        filter,
      ).toBe(true);
    }
  });

  test('a filter matching fewer than k messages publishes no cell and no total', async () => {
    // A month and category with 1 to 4 messages (public windows are whole months), found in the data.
    const [small] = await db.sql<{ month: string; next: string; category: number; n: number }[]>`
      SELECT to_char(date_trunc('month', local_day), 'YYYY-MM-DD') AS month,
             to_char(date_trunc('month', local_day) + interval '1 month', 'YYYY-MM-DD') AS next,
             category_id::int AS category, count(*)::int AS n
      FROM messages GROUP BY 1, 2, 3 HAVING count(*) BETWEEN 1 AND ${K - 1} ORDER BY 1, 3 LIMIT 1`;
    if (!small) throw new Error('no small month x category in the data');
    const tiny = `from=${small.month}&to=${small.next}&category=${small.category}`;
    const oracle = await app.heatmapQueries.hexagons(parseFilters(query(tiny), db.timezone), 8);
    expect(oracle.total).toBe(small.n);
    const hexagons = (await get(`hexagons?res=8&${tiny}`)).json();
    expect(hexagons).toMatchObject({ cells: [], total: null, withheld: { count: null } });
    const summary = (await get(`summary?${tiny}`)).json();
    expect(summary).toMatchObject({ count: null, open: null, topCategories: [], topCells: [] });
    const timeline = (await get(`timeline?bucket=month&${tiny}`)).json();
    expect(timeline.cells.h3).toEqual([]);
    expect(timeline.totals.every((t: number | null) => t === null || t === 0)).toBe(true);
  });

  // Counts are perturbed (docs/privacy.md, "Perturbation"): each month of a count adds a noise of ±1 or ±2,
  // so the checks below hold on the true values, and the published ones are within 2 per month of them.
  test('withheld cells and districts hold 0 or at least k; shown counts are perturbed by at most 2 per month', async () => {
    const [{ months }] = (await db.sql`
      SELECT count(DISTINCT date_trunc('month', local_day))::int AS months FROM messages`) as unknown as [
      { months: number },
    ];
    const near = (shown: number, truth: number) => Math.abs(shown - truth) <= 2 * months;
    for (const filter of filters) {
      const hexagons = (await get(`hexagons?res=8&${filter}`)).json();
      const { bbox: _bbox, ...whole } = query(filter);
      const oracle = await app.heatmapQueries.hexagons(parseFilters(whole, db.timezone), 8);
      expect(near(hexagons.total, oracle.total), filter).toBe(true);
      const trueCount = new Map(oracle.cells.map((c) => [c.h3, c.count]));
      for (const c of hexagons.cells as PublicCell[]) {
        expect(near(c.count, trueCount.get(c.h3) as number), `${filter} ${c.h3}`).toBe(true);
      }
      const shown = new Set(hexagons.cells.map((c: PublicCell) => c.h3));
      const hidden = oracle.cells.filter((c) => !shown.has(c.h3));
      const hiddenSum = sum(hidden.map((c) => c.count));
      expect(hidden.some((c) => c.count < K) ? hiddenSum >= K : true, filter).toBe(true);
      expect(safeRemainder(hexagons.withheld.count), filter).toBe(true);
      const districts = (await get(`districts?${filter}`)).json();
      const truth = await app.heatmapQueries.districts(parseFilters(whole, db.timezone));
      const hiddenDistricts = truth.features.filter(
        (f) => districts.features.find((p: { id: number }) => p.id === f.id).properties.count === null,
      );
      expect(safeRemainder(districts.withheld.count), filter).toBe(true);
      if (hiddenDistricts.some((f) => f.properties.count < K))
        expect(districts.withheld.count).toBeGreaterThanOrEqual(K);
    }
  });

  test('timeline: on the true values, no bucket total and no cell total minus its shown values is a small count', async () => {
    for (const window of [
      '',
      'from=2024-01-01&to=2025-01-01',
      'from=2024-02-01&to=2024-05-01&status=resolved',
    ]) {
      const timeline = (await get(`timeline?res=8&bucket=month&${window}`)).json();
      const hexagons = (await get(`hexagons?res=8&${window}`)).json();
      const filter = parseFilters(query(window), db.timezone);
      const truth = await app.heatmapQueries.timeline(filter, 8, 'month');
      const trueValue = new Map<string, number>();
      const trueRow = new Map<string, number>();
      truth.cells.h3.forEach((h3, row) => {
        for (let i = truth.cells.offsets[row] as number; i < (truth.cells.offsets[row + 1] as number); i++) {
          trueValue.set(`${h3}|${truth.cells.buckets[i]}`, truth.cells.counts[i] as number);
          trueRow.set(h3, (trueRow.get(h3) ?? 0) + (truth.cells.counts[i] as number));
        }
      });
      const shownCells = new Set(hexagons.cells.map((c: PublicCell) => c.h3));
      const columns = new Map<number, number>();
      timeline.cells.h3.forEach((h3: string, row: number) => {
        const { offsets, buckets, counts } = timeline.cells;
        let rowShown = 0;
        for (let i = offsets[row]; i < offsets[row + 1]; i++) {
          const real = trueValue.get(`${h3}|${buckets[i]}`) as number;
          // One month of one cell is one record set: its noise is ±1 or ±2, never 0.
          expect(counts[i] !== real && Math.abs(counts[i] - real) <= 2, `${window} ${h3} ${buckets[i]}`).toBe(
            true,
          );
          rowShown += real;
          columns.set(buckets[i], (columns.get(buckets[i]) ?? 0) + real);
        }
        // A cell /hexagons withholds publishes no series; a shown one leaves 0 or at least k unshown.
        expect(shownCells.has(h3), `${window} ${h3}`).toBe(true);
        expect(safeRemainder((trueRow.get(h3) as number) - rowShown), `${window} ${h3}`).toBe(true);
      });
      timeline.totals.forEach((total: number | null, b: number) => {
        const unshown = (truth.totals[b] as number) - (columns.get(b) ?? 0);
        if (total !== null) {
          expect(safeRemainder(unshown), `${window} ${b}`).toBe(true);
          expect(Math.abs(total - (truth.totals[b] as number)) <= 2, `${window} ${b}`).toBe(true);
        } else if ((truth.totals[b] as number) >= K) {
          // A withheld total of k or more must not be the sum of its shown values either.
          expect(unshown, `${window} ${b}`).toBeGreaterThanOrEqual(K);
        }
      });
      expect(timeline.cells.counts.length, window).toBeGreaterThan(0);
    }
  });

  test('with HEATMAP_PUBLIC_TEXT on, the drill-down text is scrubbed of contacts, links and every registered author’s name', async () => {
    const withText = await buildApp({ db, config: { ...testConfig(), publicText: true } });
    try {
      const leaks: string[] = [];
      let texts = 0;
      // Every res-6 cell: the drill-down lists only groups of k or more (about 2,000 of the messages).
      const cells: PublicCell[] = (await get('hexagons?res=6', withText)).json().cells;
      for (const cell of cells) {
        const page = (await get(`cells/${cell.h3}/messages?limit=500`, withText)).json();
        texts += page.messages.filter((m: { text?: string }) => typeof m.text === 'string').length;
        // Any author of the data, not only this cell's: "Köszönöm, Fülöp Gyöngyi" (issue 9). Initials ("m p")
        // are found as substrings of any text by the detector: names of three-letter words or longer only.
        // A name that is also a street's ("Kiss János altábornagy utca") names no reporter there.
        const found = findPersonalData(JSON.stringify(page), raw);
        const named = (leak: string) => /^author \S{3,}(\s+\S{3,})+$/u.test(leak);
        const street = (leak: string) => raw.streetNamed.has(leak.slice('author '.length));
        leaks.push(...found.filter((leak) => !/^author /.test(leak) || (named(leak) && !street(leak))));
      }
      expect(texts).toBeGreaterThan(1000);
      expect(leaks).toEqual([]);
    } finally {
      await withText.close();
    }
  });
});

function query(text: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(text));
}

function stripGeometry(value: { features?: { geometry?: unknown }[] }) {
  return { ...value, features: value.features?.map((f) => ({ ...f, geometry: null })) };
}
