import type { FastifyInstance } from 'fastify';
import { areNeighborCells, cellToBoundary, cellToLatLng } from 'h3-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildTestApp } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

interface Cell {
  h3: string;
  count: number;
}

/** A box of ±`half` degrees around a point, as the bbox parameter. */
const boxAround = ([lat, lon]: [number, number], half: number) =>
  [lon - half, lat - half, lon + half, lat + half].map((v) => v.toFixed(6)).join(',');

/** Staff and public maps apply one bbox rule (geo cellOverlapsBbox): a cell partly in view is shown. */
describe.each(BACKENDS)('the bbox rule on staff and public hexagons on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let shown: Cell[];

  const cellsOf = async (url: string) => {
    const response = await app.inject({ url });
    expect(response.statusCode, url).toBe(200);
    return (response.json().cells as Cell[]).map((c) => c.h3).sort();
  };
  const both = async (bbox: string) => ({
    staff: await cellsOf(`/api/v1/hexagons?res=8&bbox=${bbox}`),
    public: await cellsOf(`/api/v1/public/hexagons?res=8&bbox=${bbox}`),
  });

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'seeded');
    app = await buildTestApp(db);
    shown = (await app.inject({ url: '/api/v1/public/hexagons?res=8' })).json().cells;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('a box strictly inside one res-8 cell returns that cell on both', async () => {
    const cell = [...shown].sort((a, b) => b.count - a.count)[0] as Cell;
    // ~40 m wide, halfway from the centre to a corner (~230 m from each): neither the centre nor a corner of
    // any hexagon lies inside the box.
    const [lat, lon] = cellToLatLng(cell.h3);
    const [cornerLat, cornerLon] = cellToBoundary(cell.h3)[0] as [number, number];
    const answers = await both(boxAround([(lat + cornerLat) / 2, (lon + cornerLon) / 2], 0.0002));
    expect(answers).toEqual({ staff: [cell.h3], public: [cell.h3] });
  });

  test('a box across the edge between two shown cells returns both on both', async () => {
    const set = new Set(shown.map((c) => c.h3));
    const pair = shown
      .flatMap((a) => shown.filter((b) => a.h3 < b.h3 && areNeighborCells(a.h3, b.h3)).map((b) => [a, b]))
      .at(0) as [Cell, Cell];
    expect(pair).toBeDefined();
    const [a, b] = pair;
    // The midpoint of the shared edge: the two hexagons' common corners.
    const common = cellToBoundary(a.h3).filter(([lat, lon]) =>
      cellToBoundary(b.h3).some(([la, lo]) => Math.abs(la - lat) < 1e-9 && Math.abs(lo - lon) < 1e-9),
    );
    expect(common).toHaveLength(2);
    const [[lat1, lon1], [lat2, lon2]] = common as [[number, number], [number, number]];
    const answers = await both(boxAround([(lat1 + lat2) / 2, (lon1 + lon2) / 2], 0.0002));
    expect(answers.staff).toEqual([a.h3, b.h3].sort());
    expect(answers.public).toEqual(answers.staff);
    expect(set.has(a.h3) && set.has(b.h3)).toBe(true);
  });

  test('a box covering several cells returns the same shown cells on both', async () => {
    const answers = await both('19.03,47.47,19.09,47.52');
    const publicSet = new Set(shown.map((c) => c.h3));
    expect(answers.public.length).toBeGreaterThan(5);
    // Public shows a subset (small counts withheld), never a cell staff would not show for that box.
    expect(answers.public).toEqual(answers.staff.filter((h3) => publicSet.has(h3)));
  });
});
