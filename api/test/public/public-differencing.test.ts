import { MESSAGE_STATUSES, publishedNoises } from '@heatmap/geo';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { setSetting } from '../../src/repositories/settings-repository';
import { testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

/*
 * The attacks of issue 9, run against the real app on the Járókelő data: each one combines two public
 * answers into a count, and counts it as a leak when that count is 1 to k−1 and equals the truth (read from
 * the database). The attacker is careful: it reads the window each answer really covers from the answer.
 */

const K = 5;
const WINDOW = 'from=2024-03-01&to=2024-04-01';
const MONTH = { from: '2024-03-01', to: '2024-04-01' };

interface Cell {
  h3: string;
  count: number;
}
interface Recovered {
  what: string;
  /** The attacker's difference. */
  value: number;
  truth: number;
  /** The true counts of the two answers subtracted (for the chance bound). */
  pair: [number, number];
}

describe.each(BACKENDS)('differencing attacks on the public API (%s, Járókelő data)', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let categories: { id: number; name: string }[];
  let districts: { id: number; name: string }[];

  const get = async (url: string) => app.inject({ url: `/api/v1/public/${url}` });
  const json = async (url: string) => {
    const response = await get(url);
    expect(response.statusCode, `${url}: ${response.body.slice(0, 200)}`).toBe(200);
    return response.json();
  };
  /** The messages in a res-8 cell (or everywhere) with local_day in [from, to) and extra conditions. */
  const truth = async (where: { h3?: string; from: string; to: string; cond?: string }) => {
    const rows = await db.sql.unsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM messages m WHERE m.local_day >= $1::date AND m.local_day < $2::date
       ${where.h3 ? `AND m.h3_8 = ('x' || lpad($3, 16, '0'))::bit(64)::int8` : ''} ${where.cond ? `AND ${where.cond}` : ''}`,
      where.h3 ? [where.from, where.to, where.h3] : [where.from, where.to],
    );
    return rows[0]?.n ?? 0;
  };

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'seeded');
    // A fixed secret, so that the noise (and so this test) is the same on every run.
    await setSetting(db.sql, 'public_noise_key', 'differencing-test-key');
    app = await buildApp({ db, config: testConfig() });
    const meta = await json('meta');
    categories = meta.categories;
    districts = meta.districts;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('the drill-down lists no (cell, period) group of 1 to k−1 messages', async () => {
    const cells: Cell[] = (await json('hexagons?res=8')).cells;
    const leaks: string[] = [];
    let listed = 0;
    for (const cell of cells.filter((_, i) => i % 12 === 0)) {
      const groups = new Map<string, number>();
      let cursor: string | null = null;
      do {
        const page: { messages: { day?: string; month?: string }[]; nextCursor: string | null } = await json(
          `cells/${cell.h3}/messages?limit=500${cursor ? `&cursor=${cursor}` : ''}`,
        );
        for (const m of page.messages) {
          const period = m.day ?? m.month ?? '';
          groups.set(period, (groups.get(period) ?? 0) + 1);
        }
        listed += page.messages.length;
        cursor = page.nextCursor;
      } while (cursor);
      for (const [period, n] of groups) {
        if (n >= K) continue;
        const from = period.length === 7 ? `${period}-01` : period;
        const to = nextPeriod(from, period.length === 7 ? 'month' : 'day');
        if ((await truth({ h3: cell.h3, from, to })) === n) leaks.push(`${cell.h3} ${period}: ${n}`);
      }
    }
    expect(listed).toBeGreaterThan(100);
    expect(leaks.length, leaks.slice(0, 5).join('; ')).toBe(0);
  });

  test('windows one day apart: the difference is never a true count under k', async () => {
    const answers: { from: string; to: string; cells: Map<string, number> }[] = [];
    for (let day = Date.parse('2024-03-24'); day <= Date.parse('2024-04-06'); day += 86_400_000) {
      const from = new Date(day).toISOString().slice(0, 10);
      const body = await json(`hexagons?res=8&from=${from}&to=2024-05-01`);
      answers.push({
        from: localDay(body.from),
        to: localDay(body.to),
        cells: new Map(body.cells.map((c: Cell) => [c.h3, c.count])),
      });
    }
    const recovered: Recovered[] = [];
    for (let i = 1; i < answers.length; i++) {
      const [wide, narrow] = [answers[i - 1], answers[i]] as [(typeof answers)[0], (typeof answers)[0]];
      if (wide.from === narrow.from) continue;
      for (const [h3, count] of wide.cells) {
        const value = count - (narrow.cells.get(h3) ?? Number.NaN);
        if (!(value >= 1 && value < K)) continue;
        const real = await truth({ h3, from: wide.from, to: narrow.from });
        recovered.push({ what: `${h3} ${wide.from}..${narrow.from}`, value, truth: real, pair: [0, 0] });
      }
    }
    const hits = recovered.filter((r) => r.value === r.truth);
    // Two public windows differ by whole months, and a month of one cell is one record set whose noise is
    // never 0: the difference is never its true count.
    expect(
      hits.length,
      hits
        .slice(0, 5)
        .map((r) => `${r.what}: ${r.value}`)
        .join('; '),
    ).toBe(0);
  });

  test('category complements ("all" minus "all but X") in each cell of a month', async () => {
    const all: Cell[] = (await json(`hexagons?res=8&${WINDOW}`)).cells;
    const recovered: Recovered[] = [];
    for (const category of categories.slice(0, 6)) {
      const others = categories.filter((c) => c.id !== category.id).map((c) => c.id);
      const part = await complement(`hexagons?res=8&${WINDOW}`, 'category', others, category.id);
      for (const cell of all) {
        const shown = part.cells.get(cell.h3);
        if (shown === undefined) continue;
        const value = cell.count - shown;
        if (!(value >= 1 && value < K)) continue;
        const cond = `m.category_id ${part.target === 'named' ? '=' : '<>'} ${category.id}`;
        const real = await truth({ h3: cell.h3, ...MONTH, cond });
        const other = await truth({ h3: cell.h3, ...MONTH, cond: negate(cond) });
        recovered.push({
          what: `${cell.h3} ${category.name}`,
          value,
          truth: real,
          pair: [real + other, other],
        });
      }
    }
    expectChanceAtMost(recovered);
  });

  test('status complements in each cell of a month', async () => {
    const all: Cell[] = (await json(`hexagons?res=8&${WINDOW}`)).cells;
    const recovered: Recovered[] = [];
    for (const status of MESSAGE_STATUSES) {
      const others = MESSAGE_STATUSES.filter((s) => s !== status);
      const part = await complement(`hexagons?res=8&${WINDOW}`, 'status', others, status);
      for (const cell of all) {
        const shown = part.cells.get(cell.h3);
        if (shown === undefined) continue;
        const value = cell.count - shown;
        if (!(value >= 1 && value < K)) continue;
        const cond = `m.status ${part.target === 'named' ? '=' : '<>'} '${status}'`;
        const real = await truth({ h3: cell.h3, ...MONTH, cond });
        const other = await truth({ h3: cell.h3, ...MONTH, cond: negate(cond) });
        recovered.push({ what: `${cell.h3} ${status}`, value, truth: real, pair: [real + other, other] });
      }
    }
    expectChanceAtMost(recovered);
  });

  test('summary per district × category, differenced', async () => {
    const recovered: Recovered[] = [];
    for (const district of districts) {
      const whole = (await json(`summary?district=${district.id}&${WINDOW}`)).count;
      if (whole === null) continue;
      for (const category of categories.slice(0, 6)) {
        const others = categories.filter((c) => c.id !== category.id).map((c) => c.id);
        const { response, target } = await complementAnswer(
          `summary?district=${district.id}&${WINDOW}`,
          'category',
          others,
          category.id,
        );
        const part = response.count;
        if (part === null) continue;
        const value = whole - part;
        if (!(value >= 1 && value < K)) continue;
        const cond = `m.district_id = ${district.id} AND m.category_id ${target === 'named' ? '=' : '<>'} ${category.id}`;
        const real = await truth({ ...MONTH, cond });
        const other = await truth({ ...MONTH, cond: `m.district_id = ${district.id} AND NOT (${cond})` });
        recovered.push({
          what: `${district.name} ${category.name}`,
          value,
          truth: real,
          pair: [real + other, other],
        });
      }
    }
    expectChanceAtMost(recovered);
  });

  /**
   * The answer for "every value but `value`" when the API takes lists (then the difference is `value`'s
   * count: target 'named'); else for `value` alone (the difference is the rest: target 'rest').
   */
  async function complementAnswer(
    url: string,
    name: string,
    others: (string | number)[],
    value: string | number,
  ) {
    const list = await get(`${url}&${name}=${others.join(',')}`);
    if (list.statusCode === 200) return { response: list.json(), target: 'named' as const };
    expect(list.statusCode, list.body).toBe(400);
    return { response: await json(`${url}&${name}=${value}`), target: 'rest' as const };
  }

  async function complement(url: string, name: string, others: (string | number)[], value: string | number) {
    const { response, target } = await complementAnswer(url, name, others, value);
    return { cells: new Map<string, number>(response.cells.map((c: Cell) => [c.h3, c.count])), target };
  }
});

/**
 * The attacker's hits are no more than chance: each of the two answers subtracted is one record set (one cell,
 * or one district, in one month) published as its count plus a noise drawn from `publishedNoises` by a secret
 * hash of its records, so the difference is right exactly when both noises are equal. Summed over the pairs,
 * that probability gives the expected hits; the bound is that plus three standard deviations.
 */
function expectChanceAtMost(recovered: Recovered[]): void {
  const hits = recovered.filter((r) => r.value === r.truth);
  let expected = 0;
  let variance = 0;
  for (const { pair } of recovered) {
    const [a, b] = pair.map((count) => publishedNoises(count, { minCount: K })) as [number[], number[]];
    const p = a.length && b.length ? a.filter((n) => b.includes(n)).length / (a.length * b.length) : 1;
    expected += p;
    variance += p * (1 - p);
  }
  const bound = Math.floor(expected + 3 * Math.sqrt(variance));
  const sample = hits.slice(0, 5).map((r) => `${r.what}: ${r.value}`);
  expect(hits.length, `${hits.length} of ${recovered.length} (${sample.join('; ')})`).toBeLessThanOrEqual(
    bound,
  );
}

function negate(cond: string): string {
  return cond.includes('<>') ? cond.replace('<>', '=') : cond.replace('=', '<>');
}

function nextPeriod(day: string, unit: 'day' | 'month'): string {
  const date = new Date(`${day}T12:00:00Z`);
  if (unit === 'day') date.setUTCDate(date.getUTCDate() + 1);
  else date.setUTCMonth(date.getUTCMonth() + 1);
  return date.toISOString().slice(0, 10);
}

/** The Budapest local day of a window edge the API returns as a UTC date-time. */
function localDay(instant: string): string {
  return new Date(instant).toLocaleDateString('en-CA', { timeZone: 'Europe/Budapest' });
}
