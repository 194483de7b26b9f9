import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildTestApp } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const WINDOW = 'from=2024-01-01&to=2025-01-01';

describe.each(BACKENDS)('GET /api/v1/public/hotspots on %s with the Járókelő data', (backend) => {
  let db: TestDatabase;
  let staff: FastifyInstance;
  let anonymous: FastifyInstance;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'seeded');
    staff = await buildTestApp(db);
    anonymous = await buildTestApp(db, { signedIn: false });
  });
  afterAll(async () => {
    await staff?.close();
    await anonymous?.close();
    await db?.close();
  });

  const read = async (app: FastifyInstance, url: string) => {
    const response = await app.inject({ url });
    expect(response.statusCode, response.body).toBe(200);
    return response.json();
  };

  test('shared caches may keep the answer, as every public route says', async () => {
    const response = await anonymous.inject({ url: `/api/v1/public/hotspots?res=8&${WINDOW}` });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('public, max-age=60');
  });

  test('bins only, exactly the significant bins of the staff map for the same filters', async () => {
    for (const query of [`res=8&${WINDOW}`, `res=7&k=2&${WINDOW}&category=1`]) {
      const open = await read(anonymous, `/api/v1/public/hotspots?${query}`);
      const full = await read(staff, `/api/v1/hotspots?${query}`);
      const significant = full.cells
        .filter((c: { bin: number }) => c.bin !== 0)
        .map(({ h3, bin }: { h3: string; bin: number }) => ({ h3, bin }));
      // Each cell also names its place by the public rule (api/test/places/place-routes.test.ts).
      const bins = open.cells.map(({ h3, bin }: { h3: string; bin: number }) => ({ h3, bin }));
      expect(bins, query).toEqual(significant);
      expect(significant.length, query).toBeGreaterThan(0);
      for (const cell of open.cells) expect(Object.keys(cell).sort()).toEqual(['bin', 'h3', 'place']);
    }
  });

  test('a bbox only trims the list: the bins are those of the whole region', async () => {
    const whole = await read(anonymous, `/api/v1/public/hotspots?res=8&${WINDOW}`);
    const part = await read(
      anonymous,
      `/api/v1/public/hotspots?res=8&${WINDOW}&bbox=19.04,47.48,19.08,47.51`,
    );
    const bins = new Map(whole.cells.map((c: { h3: string; bin: number }) => [c.h3, c.bin]));
    expect(part.cells.length).toBeGreaterThan(0);
    expect(part.cells.length).toBeLessThan(whole.cells.length);
    for (const cell of part.cells) expect(bins.get(cell.h3), cell.h3).toBe(cell.bin);
  });

  test('res above the public cap, a date-time, k = 4: 400; the staff map stays closed to anonymous callers', async () => {
    for (const [query, name] of [
      ['res=9', 'res'],
      ['from=2024-01-01T10:00:00Z', 'from'],
      ['k=4', 'k'],
    ]) {
      const response = await anonymous.inject({ url: `/api/v1/public/hotspots?${query}` });
      expect(response.statusCode, query).toBe(400);
      expect(response.json().message, query).toContain(`"${name}"`);
    }
    expect((await anonymous.inject({ url: '/api/v1/hotspots' })).statusCode).toBe(401);
    expect((await anonymous.inject({ url: '/api/v1/alerts' })).statusCode).toBe(401);
    expect((await anonymous.inject({ url: '/api/v1/hotspots/emerging' })).statusCode).toBe(401);
  });
});
