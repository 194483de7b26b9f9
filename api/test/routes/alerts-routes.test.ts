import type { FastifyInstance } from 'fastify';
import { latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, seedDistricts, signIn } from '../auth/auth-helpers';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp, INGEST_TOKEN } from './app-helper';

const DAY = '2024-06-12';

function shift(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Buda is the square 19.0..19.1 × 47.5..47.6, Pest 19.1..19.2 (seedDistricts). */
const SPIKE = { lat: 47.55, lon: 19.15 };
const QUIET = [
  { lat: 47.52, lon: 19.02 },
  { lat: 47.58, lon: 19.08 },
  { lat: 47.52, lon: 19.18 },
];
const BURSTY = { lat: 47.58, lon: 19.12 };

/**
 * A planted data set: every place has one 'roads' message a day for 60 days up to DAY; on DAY the spike place
 * has 11 more; a bursty place has 'lights' messages of 10 on two of the previous 8 same weekdays and 6 on DAY.
 */
function planted() {
  const messages: Record<string, unknown>[] = [];
  const add = (day: string, place: { lat: number; lon: number }, category: string, address: string) =>
    messages.push({
      id: `m${messages.length}`,
      createdAt: `${day}T12:00:00+02:00`,
      category,
      address,
      ...place,
    });
  for (let back = 60; back >= 0; back--) {
    const day = shift(DAY, -back);
    for (const place of [SPIKE, ...QUIET]) add(day, place, 'roads', 'Budapest, Váci utca 3');
  }
  for (let i = 0; i < 11; i++) add(DAY, SPIKE, 'roads', i < 7 ? `Váci utca ${i + 10}/a` : `Andrássy út ${i}`);
  for (const weeks of [3, 6]) for (let i = 0; i < 10; i++) add(shift(DAY, -7 * weeks), BURSTY, 'lights', 'x');
  for (let i = 0; i < 6; i++) add(DAY, BURSTY, 'lights', 'x');
  return messages;
}

describe.each(BACKENDS)('GET /api/v1/alerts on %s with a planted spike', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let clerks: FastifyInstance;
  const cookie: Record<string, string> = {};

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await seedDistricts(db.sql);
    app = await buildTestApp(db);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      payload: planted(),
      headers: { authorization: `Bearer ${INGEST_TOKEN}` },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().rejected).toEqual([]);
    clerks = await buildTestApp(db, { signedIn: false });
    for (const district of ['Buda', 'Pest']) {
      await addUser(db.sql, `${district}.clerk`, 'municipal', 'clerk test password', [district]);
      cookie[district] = (await signIn(clerks, `${district}.clerk`, 'clerk test password')).cookieHeader;
    }
  });
  afterAll(async () => {
    await clerks?.close();
    await app?.close();
    await db?.close();
  });

  test('the spike is the one alert: observed, expected, p, 14-day series, district and street', async () => {
    const response = await app.inject({ url: `/api/v1/alerts?day=${DAY}&res=8` });
    expect(response.statusCode, response.body).toBe(200);
    const alerts = response.json();
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({
      h3: latLngToCell(SPIKE.lat, SPIKE.lon, 8),
      category: 'roads',
      observed: 12,
      expected: 1,
      series: [...new Array(13).fill(1), 12],
      district: 'Pest',
      place: 'Pest, Váci utca',
    });
    // P(X >= 12) under Poisson(1) = e^-1 · sum_{x>=12} 1/x!, summed in exact fractions (30 digits).
    expect(Math.abs(alert.p / 8.316107426882334e-10 - 1)).toBeLessThan(1e-12);
    const res7 = (await app.inject({ url: `/api/v1/alerts?day=${DAY}&res=7` })).json();
    expect(res7.map((a: { h3: string }) => a.h3)).toEqual([latLngToCell(SPIKE.lat, SPIKE.lon, 7)]);
  });

  test('the day before, and a district without the spike, have no alerts', async () => {
    expect((await app.inject({ url: `/api/v1/alerts?day=${shift(DAY, -1)}` })).json()).toEqual([]);
    expect((await app.inject({ url: `/api/v1/alerts?day=${DAY}&district=Buda` })).json()).toEqual([]);
    const pest = (await app.inject({ url: `/api/v1/alerts?day=${DAY}&district=Pest` })).json();
    expect(pest).toHaveLength(1);
  });

  test("a municipal account sees its districts' spikes only", async () => {
    const read = async (district: string) =>
      (
        await clerks.inject({
          url: `/api/v1/alerts?day=${DAY}`,
          headers: { cookie: cookie[district] as string },
        })
      ).json();
    expect(await read('Buda')).toEqual([]);
    expect((await read('Pest')).map((a: { observed: number }) => a.observed)).toEqual([12]);
  });

  test('without a day: the newest day', async () => {
    const alerts = (await app.inject({ url: '/api/v1/alerts' })).json();
    expect(alerts.map((a: { observed: number }) => a.observed)).toEqual([12]);
  });

  test('a day that does not exist, res 6 or 9: 400 naming the parameter', async () => {
    for (const [query, name] of [
      ['day=2024-02-30', 'day'],
      ['day=yesterday', 'day'],
      ['res=6', 'res'],
      ['res=9', 'res'],
    ]) {
      const response = await app.inject({ url: `/api/v1/alerts?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().message, query).toContain(`"${name}"`);
    }
  });
});
