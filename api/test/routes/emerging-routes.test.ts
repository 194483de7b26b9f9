import { emergingClass, mannKendall } from '@heatmap/geo';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp } from './app-helper';

interface EmergingCell {
  h3: string;
  class: string;
  trend: { z: number; p: number };
  bins: number[];
}

/** Each case: the emerging query and the windows of its steps, as /hotspots takes them. */
const CASES = [
  // Weeks at res 8 without filters: cell_day_counts.
  {
    query: 'res=8&step=week&steps=5&to=2024-12-30',
    extra: 'res=8',
    windows: ['2024-11-25', '2024-12-02', '2024-12-09', '2024-12-16', '2024-12-23', '2024-12-30'],
  },
  // Months at res 8: cell_month_rollup (to mid-month: that month is the last step).
  {
    query: 'res=8&step=month&steps=4&to=2024-12-15',
    extra: 'res=8',
    windows: ['2024-09-01', '2024-10-01', '2024-11-01', '2024-12-01', '2025-01-01'],
  },
  // A category and k = 2: messages.
  {
    query: 'res=8&k=2&step=week&steps=3&to=2024-06-03&category=1,2',
    extra: 'res=8&k=2&category=1,2',
    windows: ['2024-05-13', '2024-05-20', '2024-05-27', '2024-06-03'],
  },
  // A district at res 9: messages, the area limited to the district.
  {
    query: 'res=9&step=month&steps=3&to=2024-07-01&district=VIII. kerület',
    extra: 'res=9&district=VIII. kerület',
    windows: ['2024-04-01', '2024-05-01', '2024-06-01', '2024-07-01'],
  },
];

describe.each(BACKENDS)('GET /api/v1/hotspots/emerging on %s with the Járókelő data', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;

  const get = async (url: string) => {
    const response = await app.inject({ url: encodeURI(url) });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'seeded');
    app = await buildTestApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test.each(CASES)(
    'each step is the /hotspots answer for its window; trend and class from those ($query)',
    async ({ query, extra, windows }) => {
      const body = await get(`/api/v1/hotspots/emerging?${query}`);
      const perStep: Map<string, { z: number; bin: number }>[] = [];
      for (let i = 0; i + 1 < windows.length; i++) {
        const step = await get(`/api/v1/hotspots?${extra}&from=${windows[i]}&to=${windows[i + 1]}`);
        perStep.push(new Map(step.cells.map((c: { h3: string; z: number; bin: number }) => [c.h3, c])));
      }
      const union = [...new Set(perStep.flatMap((step) => [...step.keys()]))].sort();
      expect(body.cells.map((c: EmergingCell) => c.h3)).toEqual(union);
      for (const cell of body.cells as EmergingCell[]) {
        const bins = perStep.map((step) => step.get(cell.h3)?.bin ?? 0);
        const z = perStep.map((step) => step.get(cell.h3)?.z ?? 0);
        expect(cell.bins, cell.h3).toEqual(bins);
        const trend = mannKendall(z);
        expect(cell.trend.z).toBeCloseTo(trend.z, 12);
        expect(cell.trend.p).toBeCloseTo(trend.p, 12);
        expect(cell.class, cell.h3).toBe(emergingClass(bins, trend));
      }
      expect(body.cells.some((c: EmergingCell) => c.class !== 'no-pattern')).toBe(true);
    },
  );

  test('a bad step, steps out of 2..104, k = 4 and a day that does not exist are 400s', async () => {
    for (const [query, name] of [
      ['step=day', 'step'],
      ['steps=1', 'steps'],
      ['steps=105', 'steps'],
      ['k=4', 'k'],
      ['to=2024-02-30', 'to'],
      ['res=4', 'res'],
    ]) {
      const response = await app.inject({ url: `/api/v1/hotspots/emerging?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().message, query).toContain(`"${name}"`);
    }
  });
});
