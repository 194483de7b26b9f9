import type { FastifyInstance } from 'fastify';
import { cellToBoundary, cellToLatLng } from 'h3-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signIn } from '../auth/auth-helpers';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp } from './app-helper';
import { multiPolygonCells, oracleGiStar, oracleStudyArea } from './hotspots-oracle';
import { budapestMidnight } from './jarokelo-truth';

interface HotspotCell {
  h3: string;
  count: number;
  z: number;
  p: number;
  bin: number;
}

const YEAR = { query: 'from=2024-01-01&to=2025-01-01', from: '2024-01-01', to: '2025-01-01' };

describe.each(BACKENDS)('GET /api/v1/hotspots on %s with the Járókelő data', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let clerkApp: FastifyInstance;
  let clerkCookie: string;
  let viii: number;

  const get = async (url: string, cookie?: string) => {
    const response = cookie ? await clerkApp.inject({ url, headers: { cookie } }) : await app.inject({ url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'seeded');
    app = await buildTestApp(db);
    const [row] = await db.sql<{ id: number }[]>`SELECT id FROM districts WHERE name = 'VIII. kerület'`;
    viii = row?.id as number;
    await addUser(db.sql, 'viii.clerk', 'municipal', 'clerk test password', ['VIII. kerület']);
    // Its own app: signing in through the staff app's inject would end the staff session.
    clerkApp = await buildTestApp(db, { signedIn: false });
    clerkCookie = (await signIn(clerkApp, 'viii.clerk', 'clerk test password')).cookieHeader;
  });
  afterAll(async () => {
    await app?.close();
    await clerkApp?.close();
    await db?.close();
  });

  /** Messages per res-8 cell by a plain GROUP BY over messages, in the local-day window. */
  const groupBy = async (district?: number) => {
    const rows = await db.sql<{ cell: string; n: number }[]>`
      SELECT h3_8::text AS cell, count(*)::int AS n FROM messages
      WHERE created_at >= ${new Date(budapestMidnight(YEAR.from)).toISOString()}::timestamptz
        AND created_at < ${new Date(budapestMidnight(YEAR.to)).toISOString()}::timestamptz
        AND (${district ?? null}::int IS NULL OR district_id = ${district ?? null}::int)
      GROUP BY 1`;
    return new Map(rows.map((r) => [BigInt(r.cell).toString(16), r.n]));
  };
  const districtCells = async (district?: number) => {
    const rows = await db.sql<{ geometry: string }[]>`
      SELECT ST_AsGeoJSON(geom) AS geometry FROM districts
      WHERE ${district ?? null}::int IS NULL OR id = ${district ?? null}::int`;
    return rows.flatMap((r) => multiPolygonCells(JSON.parse(r.geometry), 8));
  };
  const expectSameAsOracle = (cells: HotspotCell[], oracle: ReturnType<typeof oracleGiStar>) => {
    expect(cells.map((c) => c.h3)).toEqual(oracle.map((c) => c.h3));
    cells.forEach((cell, i) => {
      const truth = oracle[i] as HotspotCell;
      expect(cell.count, cell.h3).toBe(truth.count);
      expect(Math.abs(cell.z - truth.z), cell.h3).toBeLessThan(1e-9);
      expect(Math.abs(cell.p - truth.p), cell.h3).toBeLessThan(1e-9);
      expect(cell.bin, cell.h3).toBe(truth.bin);
    });
  };

  test('counts are the /hexagons counts for the same filters; every other cell is 0', async () => {
    for (const filter of [
      '',
      YEAR.query,
      'category=1,2&from=2024-03-15',
      `district=${viii}`,
      'bbox=19.05,47.48,19.09,47.51',
    ]) {
      const hexagons = await get(`/api/v1/hexagons?res=8&${filter}`);
      const hotspots = await get(`/api/v1/hotspots?res=8&${filter}`);
      const expected = new Map(hexagons.cells.map((c: { h3: string; count: number }) => [c.h3, c.count]));
      const counted = (hotspots.cells as HotspotCell[]).filter((c) => c.count > 0);
      expect(new Map(counted.map((c) => [c.h3, c.count])), filter).toEqual(expected);
      expect(hotspots.cells.length, filter).toBeGreaterThanOrEqual(counted.length);
    }
  });

  test('a bbox inside a quiet district cell, off its centre, has that cell in the study area (the /hexagons rule)', async () => {
    const counted = new Set((await get('/api/v1/hexagons?res=8')).cells.map((c: { h3: string }) => c.h3));
    const quiet = (await districtCells()).find((cell) => !counted.has(cell)) as string;
    expect(quiet).toBeDefined();
    const [lat, lon] = cellToLatLng(quiet);
    const [cornerLat, cornerLon] = cellToBoundary(quiet)[0] as [number, number];
    const [y, x] = [(lat + cornerLat) / 2, (lon + cornerLon) / 2];
    const bbox = [x - 0.0002, y - 0.0002, x + 0.0002, y + 0.0002].map((v) => v.toFixed(6)).join(',');
    const body = await get(`/api/v1/hotspots?res=8&bbox=${bbox}`);
    expect((body.cells as HotspotCell[]).map((c) => [c.h3, c.count])).toEqual([[quiet, 0]]);
  });

  test('z, p and bins equal an O(n²) Gi* from the formula over a plain GROUP BY, k = 1 and 2', async () => {
    const counts = await groupBy();
    const quiet = await districtCells();
    for (const k of [1, 2]) {
      const body = await get(`/api/v1/hotspots?res=8&k=${k}&${YEAR.query}`);
      expect(body).toMatchObject({ res: 8, k });
      const oracle = oracleGiStar(oracleStudyArea(counts, k, quiet), counts, k);
      expectSameAsOracle(body.cells, oracle);
      expect(body.cells.some((c: HotspotCell) => c.bin === 3)).toBe(true);
    }
  });

  test("a municipal account's study area is its districts' cells, with no counts from elsewhere", async () => {
    const counts = await groupBy(viii);
    const own = await districtCells(viii);
    const body = await get(`/api/v1/hotspots?res=8&${YEAR.query}`, clerkCookie);
    const ownSet = new Set(own);
    for (const cell of body.cells as HotspotCell[]) {
      expect(ownSet.has(cell.h3) || (counts.get(cell.h3) ?? 0) > 0, cell.h3).toBe(true);
    }
    const oracle = oracleGiStar(oracleStudyArea(counts, 1, own, ownSet), counts, 1);
    expectSameAsOracle(body.cells, oracle);
    const region = await get(`/api/v1/hotspots?res=8&${YEAR.query}`);
    expect(region.cells.length).toBeGreaterThan(body.cells.length * 5);
  });

  test("emerging for a municipal account: only its districts' cells and cells with its messages", async () => {
    const own = new Set(await districtCells(viii));
    const rows = await db.sql<{ cell: string }[]>`
      SELECT DISTINCT h3_8::text AS cell FROM messages WHERE district_id = ${viii}`;
    const withMessages = new Set(rows.map((r) => BigInt(r.cell).toString(16)));
    const body = await get('/api/v1/hotspots/emerging?res=8&step=month&steps=6&to=2025-01-01', clerkCookie);
    expect(body.cells.length).toBeGreaterThan(0);
    for (const cell of body.cells as { h3: string }[]) {
      expect(own.has(cell.h3) || withMessages.has(cell.h3), cell.h3).toBe(true);
    }
    const foreign = await clerkApp.inject({
      url: '/api/v1/hotspots/emerging?district=V. kerület'.replace(' ', '%20'),
      headers: { cookie: clerkCookie },
    });
    expect(foreign.statusCode).toBe(403);
  });

  test('k = 4, k = 0, res = 11 or 4 and a bad date are 400s naming the parameter', async () => {
    for (const [query, name] of [
      ['k=4', 'k'],
      ['k=0', 'k'],
      ['res=11', 'res'],
      ['res=4', 'res'],
      ['from=2024-13-45', 'from'],
    ]) {
      const response = await app.inject({ url: `/api/v1/hotspots?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().message, query).toContain(`"${name}"`);
    }
  });
});
