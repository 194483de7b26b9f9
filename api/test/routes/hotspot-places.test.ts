import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signIn } from '../auth/auth-helpers';
import { oraclePlace } from '../places/place-oracle';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp } from './app-helper';

interface HotspotCell {
  h3: string;
  count: number;
  z: number;
  bin: number;
  place?: string | null;
}

const FROM = '2024-01-01';
const TO = '2025-01-01';
const WINDOW = `from=${FROM}&to=${TO}`;

describe.each(BACKENDS)(
  'place names of the strongest hotspots (/api/v1/hotspots?places) on %s',
  (backend) => {
    let db: TestDatabase;
    let app: FastifyInstance;
    let anonymous: FastifyInstance;
    let clerkApp: FastifyInstance;
    let clerkCookie: string;

    beforeAll(async () => {
      db = await createTestDatabase(backend, 'seeded');
      app = await buildTestApp(db);
      anonymous = await buildTestApp(db, { signedIn: false });
      await addUser(db.sql, 'places.clerk', 'municipal', 'clerk test password', ['VIII. kerület']);
      clerkApp = await buildTestApp(db, { signedIn: false });
      clerkCookie = (await signIn(clerkApp, 'places.clerk', 'clerk test password')).cookieHeader;
    });
    afterAll(async () => {
      await app?.close();
      await anonymous?.close();
      await clerkApp?.close();
      await db?.close();
    });

    const get = async (server: FastifyInstance, url: string, cookie?: string) => {
      const response = await server.inject({ url, ...(cookie && { headers: { cookie } }) });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { cells: HotspotCell[] };
    };

    /** "district, street" read straight from the cell's messages over all time (place-oracle). */
    const oracle = async (h3: string, district?: string, res = 8) =>
      (await oraclePlace(db.sql, h3, res, district ? { districts: [district] } : {})).label;

    test('places=N names the N strongest hot spots (bin ≥ 2, highest z) by district and most frequent street; no other cell has a place', async () => {
      const body = await get(app, `/api/v1/hotspots?res=8&${WINDOW}&places=5`);
      const strongest = body.cells
        .filter((cell) => cell.bin >= 2)
        .sort((a, b) => b.z - a.z || (a.h3 < b.h3 ? -1 : 1))
        .slice(0, 5);
      expect(strongest).toHaveLength(5);
      const named = body.cells.filter((cell) => cell.place !== undefined);
      expect(named.map((cell) => cell.h3).sort()).toEqual(strongest.map((cell) => cell.h3).sort());
      for (const cell of strongest) expect(cell.place, cell.h3).toBe(await oracle(cell.h3));
      // House numbers are stripped: no digit follows the street word.
      expect(named.some((cell) => /, .+/.test(cell.place ?? ''))).toBe(true);
      for (const cell of named) expect(cell.place ?? '', cell.h3).not.toMatch(/\d+\s*$/);
    });

    test('without places no cell carries a place (the default answer is unchanged)', async () => {
      const body = await get(app, `/api/v1/hotspots?res=8&${WINDOW}`);
      expect(body.cells.every((cell) => !('place' in cell))).toBe(true);
    });

    test("a municipal account's places come from its own district's messages only", async () => {
      const body = await get(clerkApp, `/api/v1/hotspots?res=9&${WINDOW}&places=3`, clerkCookie);
      // Res 9: the district holds a dozen res-8 cells, too few for a hot spot at 95 %.
      const named = body.cells.filter((cell) => cell.place !== undefined);
      expect(named).toHaveLength(3);
      for (const cell of named) {
        expect(cell.place, cell.h3).toBe(await oracle(cell.h3, 'VIII. kerület', 9));
        expect(cell.place ?? '', cell.h3).toMatch(/^VIII\. kerület/);
      }
    });

    test('places outside 0–20 is a 400 naming the parameter; the public cells carry bin and place only', async () => {
      const bad = await app.inject({ url: `/api/v1/hotspots?res=8&places=21` });
      expect(bad.statusCode).toBe(400);
      expect(bad.body).toContain('places');
      const open = await get(anonymous, `/api/v1/public/hotspots?res=8&${WINDOW}&places=5`);
      expect(open.cells.length).toBeGreaterThan(0);
      for (const cell of open.cells) expect(Object.keys(cell).sort()).toEqual(['bin', 'h3', 'place']);
    });
  },
);
