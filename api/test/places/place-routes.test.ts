import { cellsBounds, cellToBigInt, MIN_PUBLIC_STREET_COUNT } from '@heatmap/geo';
import type { FastifyInstance } from 'fastify';
import { getResolution } from 'h3-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addUser, signIn } from '../auth/auth-helpers';
import { buildTestApp } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { oraclePlace } from './place-oracle';

interface Suggestion {
  kind: 'street' | 'district';
  name: string;
  bbox: [number, number, number, number];
}

const CLERK_DISTRICT = 'VIII. kerület';

/** The search's bounds: rounded outward to 0.001°. */
const outward = (b: number[] | null) =>
  b && [
    Math.floor((b[0] as number) * 1000) / 1000,
    Math.floor((b[1] as number) * 1000) / 1000,
    Math.ceil((b[2] as number) * 1000) / 1000,
    Math.ceil((b[3] as number) * 1000) / 1000,
  ];

/** Place names on the answers that list cells, the public ≥5 rule, and the search, against messages read directly. */
describe.each(BACKENDS)('place names and the place search on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let anonymous: FastifyInstance;
  let clerkApp: FastifyInstance;
  let clerkCookie: string;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'seeded');
    app = await buildTestApp(db);
    anonymous = await buildTestApp(db, { signedIn: false });
    await addUser(db.sql, 'search.clerk', 'municipal', 'clerk test password', [CLERK_DISTRICT]);
    clerkApp = await buildTestApp(db, { signedIn: false });
    clerkCookie = (await signIn(clerkApp, 'search.clerk', 'clerk test password')).cookieHeader;
  });
  afterAll(async () => {
    await app?.close();
    await anonymous?.close();
    await clerkApp?.close();
    await db?.close();
  });

  const get = async <T>(server: FastifyInstance, url: string, cookie?: string): Promise<T> => {
    const response = await server.inject({ url, ...(cookie && { headers: { cookie } }) });
    expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    return response.json() as T;
  };

  /** The res-8 cells with the most messages: busy enough to have streets on both sides of the public rule. */
  const busyCells = async (n: number) =>
    (
      await db.sql<{ cell: string }[]>`
        SELECT h3_8::text AS cell FROM messages GROUP BY h3_8 ORDER BY count(*) DESC, h3_8 LIMIT ${n}`
    ).map((r) => BigInt(r.cell).toString(16));

  test('the public hotspots name each cell by district, and by street only where at least 5 messages name it', async () => {
    const body = await get<{ cells: { h3: string; place: string | null }[] }>(
      anonymous,
      '/api/v1/public/hotspots?res=8',
    );
    const hot = body.cells.slice(0, 25);
    expect(hot.length).toBeGreaterThan(0);
    let withStreet = 0;
    for (const cell of hot) {
      const truth = await oraclePlace(db.sql, cell.h3, 8, { minStreet: MIN_PUBLIC_STREET_COUNT });
      expect(cell.place, cell.h3).toBe(truth.label);
      if (truth.street) withStreet++;
      expect(cell.place ?? '', cell.h3).not.toMatch(/\d/);
    }
    expect(withStreet).toBeGreaterThan(0);
  });

  test('a public place does not depend on the filters: a category or a one-day window reveals no other street', async () => {
    const [cell] = await busyCells(1);
    const url = (query: string) => `/api/v1/public/cells/${cell}/messages?${query}`;
    const all = await get<{ place: { label: string } }>(anonymous, url(''));
    const [day] = await db.sql<{ day: string; category: string }[]>`
      SELECT to_char(local_day, 'YYYY-MM') AS day, c.name AS category FROM messages m
      JOIN categories c ON c.id = m.category_id
      WHERE h3_8 = ${cellToBigInt(cell as string).toString()}::int8 GROUP BY 1, 2 ORDER BY count(*) DESC LIMIT 1`;
    const narrow = await anonymous.inject({
      url: url(`from=${day?.day}-01&category=${encodeURIComponent(day?.category ?? '')}`),
    });
    if (narrow.statusCode === 200) expect(narrow.json().place).toEqual(all.place);
    expect(all.place.label).toBe((await oraclePlace(db.sql, cell as string, 8, { minStreet: 5 })).label);
  });

  test("a street named by fewer than 5 of its cell's messages stays hidden on the public drill-down, shown to staff", async () => {
    // Cells of 10 or more messages whose most named street has 2 to 4 of them (chosen by the stored key,
    // checked by the oracle).
    const cells = (
      await db.sql<{ cell: string }[]>`
        SELECT cell FROM (
          SELECT h3_8::text AS cell, count(*) AS total,
                 (SELECT count(*) FROM messages i WHERE i.h3_8 = o.h3_8 AND i.street_key <> ''
                  GROUP BY i.street_key ORDER BY 1 DESC LIMIT 1) AS top
          FROM messages o GROUP BY h3_8
        ) c
        WHERE total >= 10 AND top BETWEEN 2 AND ${MIN_PUBLIC_STREET_COUNT - 1}
        ORDER BY total DESC, cell LIMIT 20`
    ).map((r) => BigInt(r.cell).toString(16));
    let checked = 0;
    for (const cell of cells) {
      const truth = await oraclePlace(db.sql, cell, 8);
      if (truth.streetCount === 0 || truth.streetCount >= MIN_PUBLIC_STREET_COUNT) continue;
      const staff = await get<{ place: { street: string | null; label: string | null } }>(
        app,
        `/api/v1/cells/${cell}/messages?limit=1`,
      );
      expect(staff.place.street).toBe(truth.street);
      const open = await anonymous.inject({ url: `/api/v1/public/cells/${cell}/messages?limit=1` });
      if (open.statusCode === 200) {
        expect(open.json().place.street).toBeNull();
        expect(open.json().place.district).toBe(truth.district);
        checked++;
      }
      if (checked >= 3) break;
    }
    expect(checked).toBeGreaterThan(0);
  });

  test('the staff drill-down and hotspots name cells by the most frequent district and street, all spellings merged', async () => {
    for (const cell of await busyCells(5)) {
      const body = await get<{ place: { label: string | null }; messages: { street: string | null }[] }>(
        app,
        `/api/v1/cells/${cell}/messages?limit=3`,
      );
      expect(body.place.label, cell).toBe((await oraclePlace(db.sql, cell, 8)).label);
    }
    const hot = await get<{ cells: { h3: string; place?: string | null }[] }>(
      app,
      '/api/v1/hotspots?res=8&places=5',
    );
    for (const cell of hot.cells.filter((c) => c.place !== undefined)) {
      expect(cell.place, cell.h3).toBe((await oraclePlace(db.sql, cell.h3, 8)).label);
    }
  });

  test('the emerging answer names its hot cells (the wall lists them), and only those', async () => {
    const body = await get<{ cells: { h3: string; class: string; place?: string | null }[] }>(
      app,
      '/api/v1/hotspots/emerging?res=8&step=month&steps=6',
    );
    const hot = body.cells.filter((cell) => cell.class.endsWith('-hot'));
    expect(hot.length).toBeGreaterThan(0);
    for (const cell of hot.slice(0, 8))
      expect(cell.place, cell.h3).toBe((await oraclePlace(db.sql, cell.h3, 8)).label);
    expect(body.cells.filter((cell) => !cell.class.endsWith('-hot') && 'place' in cell)).toEqual([]);
  });

  test('search: a street by a part of its name in any case and without accents flies to the cells of its messages', async () => {
    const [top] = await db.sql<{ name: string; key: string }[]>`
      SELECT name, street_key AS key FROM street_spellings ORDER BY n DESC, name LIMIT 1`;
    const word = (top?.key ?? '').split(' ')[0] as string;
    const body = await get<{ suggestions: Suggestion[] }>(
      app,
      `/api/v1/places?q=${encodeURIComponent(word.toUpperCase())}`,
    );
    const found = body.suggestions.find((s) => s.kind === 'street' && s.name === top?.name);
    expect(found, JSON.stringify(body)).toBeDefined();
    const cells = await db.sql<{ cell: string }[]>`
      SELECT DISTINCT h3_9::text AS cell FROM messages WHERE street_key = ${top?.key ?? ''}`;
    expect(found?.bbox).toEqual(outward(cellsBounds(cells.map((c) => BigInt(c.cell).toString(16)))));
    const district = await get<{ suggestions: Suggestion[] }>(app, '/api/v1/places?q=viii');
    expect(district.suggestions[0]).toMatchObject({ kind: 'district', name: 'VIII. kerület' });
  });

  test('search: a municipal account finds only its own district and the streets of its messages', async () => {
    const others = await get<{ suggestions: Suggestion[] }>(
      clerkApp,
      '/api/v1/places?q=kerület',
      clerkCookie,
    );
    expect(others.suggestions.map((s) => s.name)).toEqual([CLERK_DISTRICT]);
    // The most written street outside the district, where the district has none of its messages.
    const [outside] = await db.sql<{ key: string }[]>`
      SELECT street_key AS key FROM messages m JOIN districts d ON d.id = m.district_id
      WHERE street_key <> '' GROUP BY 1
      HAVING count(*) FILTER (WHERE d.name = ${CLERK_DISTRICT}) = 0 ORDER BY count(*) DESC LIMIT 1`;
    const query = encodeURIComponent(outside?.key ?? '');
    const staff = await get<{ suggestions: Suggestion[] }>(app, `/api/v1/places?q=${query}`);
    expect(staff.suggestions.some((s) => s.kind === 'street')).toBe(true);
    const clerk = await get<{ suggestions: Suggestion[] }>(
      clerkApp,
      `/api/v1/places?q=${query}`,
      clerkCookie,
    );
    expect(clerk.suggestions.filter((s) => s.kind === 'street')).toEqual([]);
  });

  test('public search: only streets that at least 5 messages of a res-8 cell name, bounded by those cells', async () => {
    const rows = await db.sql<{ key: string; cell: string; n: number }[]>`
      SELECT street_key AS key, h3_8::text AS cell, count(*)::int AS n FROM messages
      WHERE street_key <> '' GROUP BY 1, 2`;
    const best = new Map<string, number>();
    for (const r of rows) best.set(r.key, Math.max(best.get(r.key) ?? 0, r.n));
    const rare = [...best].find(([key, n]) => n < MIN_PUBLIC_STREET_COUNT && n >= 2 && key.length > 6)?.[0];
    const common = [...best].sort((a, b) => b[1] - a[1])[0]?.[0] as string;
    const open = (q: string) =>
      get<{ suggestions: Suggestion[] }>(anonymous, `/api/v1/public/places?q=${encodeURIComponent(q)}`);
    const shown = (await open(common)).suggestions.filter((s) => s.kind === 'street');
    expect(shown.length).toBeGreaterThan(0);
    const publicCells = rows.filter((r) => r.key === common && r.n >= MIN_PUBLIC_STREET_COUNT);
    expect(shown[0]?.bbox).toEqual(outward(cellsBounds(publicCells.map((r) => BigInt(r.cell).toString(16)))));
    expect(getResolution(BigInt(publicCells[0]?.cell ?? '0').toString(16))).toBe(8);
    const staffRare = await get<{ suggestions: Suggestion[] }>(
      app,
      `/api/v1/places?q=${encodeURIComponent(rare ?? '')}`,
    );
    expect(staffRare.suggestions.some((s) => s.kind === 'street')).toBe(true);
    const publicRare = (await open(rare ?? '')).suggestions.filter((s) => s.kind === 'street');
    // Another street may hold the same words; the rare one itself is never offered.
    const rareName = staffRare.suggestions.find((s) => s.kind === 'street')?.name;
    expect(publicRare.map((s) => s.name)).not.toContain(rareName);
  });

  test('the typed words match in their order from the start of a word, so SQL-like junk finds nothing', async () => {
    const junk = await get<{ suggestions: Suggestion[] }>(
      app,
      `/api/v1/places?q=${encodeURIComponent("' OR 1=1")}`,
    );
    expect(junk.suggestions).toEqual([]);
  });

  test('q is required, 1 to 100 characters: else a 400 naming it', async () => {
    for (const url of ['/api/v1/places', `/api/v1/places?q=${'x'.repeat(101)}`, '/api/v1/public/places?q=']) {
      const response = await (url.includes('public') ? anonymous : app).inject({ url });
      expect(response.statusCode, url).toBe(400);
      expect(response.body).toContain('q');
    }
  });
});
