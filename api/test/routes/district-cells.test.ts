import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shippedDistrictsFile } from '../../src/cli/generate-command';
import type { Sql } from '../../src/db/database';
import { generateMessages } from '../../src/generate/synthetic-messages';
import { loadDistrictsFile, readDistrictsFile } from '../../src/ingest/districts-file';
import type { MessageInput } from '../../src/ingest/message-input';
import { upsertGenerated } from '../../src/ingest/upsert-generated';
import { upsertMessages } from '../../src/repositories/messages-repository';
import { addUser, signIn } from '../auth/auth-helpers';
import { rollupMismatches } from '../ingest/rollup-check';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp } from './app-helper';
import { type Counts, cellKey, counts, type FilterCase, naiveCounts, queryString } from './filter-oracle';

const TZ = 'Europe/Budapest';
const PASSWORD = 'district cells test password';
/** All time, a whole year, and windows with partial years (whole months and raw edges). */
const WINDOWS = [
  undefined,
  { from: '2025-01-01', to: '2026-01-01' },
  { from: '2024-08-15', to: '2025-03-20' },
  { from: '2024-10-05T10:30:00Z', to: '2025-03-01T07:00:00Z' },
];

type Cell = Counts & { h3: string; medianAnswerMinutes: number | null };

/**
 * Cells with a district filter or a municipal scope: whole years from cell_year_district_rollup (0020),
 * the rest of the window from messages. A cell on a district border holds messages of several
 * districts; each district's map counts only its own.
 */
describe.each(BACKENDS)('cells with a district filter or scope (%s)', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let generated: MessageInput[];
  /** The district with most res-8 border cells, another district, and that district's border cells. */
  let own: { id: number; name: string };
  let other: number;
  let border: string[];
  let municipal: InjectOptions['headers'];
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await loadDistrictsFile(db.sql, shippedDistrictsFile, 'NAME');
    generated = [
      ...generateMessages({
        count: 3_000,
        seed: 20,
        districts: await readDistrictsFile(shippedDistrictsFile, 'NAME'),
        from: new Date('2024-06-01T00:00:00Z'),
        to: new Date('2025-09-01T00:00:00Z'),
        timezone: TZ,
      }),
    ];
    await upsertGenerated(db, generated, TZ);
    app = await buildTestApp(db);
    const borders = await db.sql<{ id: number; name: string; cells: string[] }[]>`
      SELECT d.id, d.name, array_agg(lower(to_hex(b.h3_8))) AS cells
      FROM (SELECT h3_8 FROM messages GROUP BY 1 HAVING count(DISTINCT coalesce(district_id, 0)) > 1) b
      JOIN (SELECT DISTINCT h3_8, district_id FROM messages) m USING (h3_8)
      JOIN districts d ON d.id = m.district_id
      GROUP BY 1, 2 ORDER BY count(*) DESC, 1 LIMIT 1`;
    const [busiest] = borders;
    if (!busiest) throw new Error('no res-8 cell on a district border in the generated data');
    own = { id: busiest.id, name: busiest.name };
    border = busiest.cells;
    const [next] = await db.sql<
      { id: number }[]
    >`SELECT id FROM districts WHERE id <> ${own.id} ORDER BY id LIMIT 1`;
    other = next?.id as number;
    const login = `clerk-${process.pid}`;
    await addUser(db.sql, login, 'municipal', PASSWORD, [own.name]);
    // Signed in through an app of its own: a sign-in carrying the staff cookie would end that session.
    const plain = await buildTestApp(db, { signedIn: false });
    const session = await signIn(plain, login, PASSWORD);
    await plain.close();
    municipal = { cookie: session.cookieHeader, 'x-csrf-token': session.csrfToken };
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const read = async (query: string, headers?: InjectOptions['headers']) => {
    const response = await app.inject({ url: `/api/v1/hexagons?${query}`, ...(headers ? { headers } : {}) });
    expect(response.statusCode, query).toBe(200);
    return response.json() as { from: string | null; to: string | null; cells: Cell[] };
  };
  const hexagons = async (query: string, headers?: InjectOptions['headers']) =>
    (await read(query, headers)).cells;

  /** /hexagons for the case as the regional account asks it and, for its district alone, the municipal one. */
  async function expectGroupBy(f: FilterCase, res: number) {
    const query = `res=${res}&${queryString(f)}`;
    const regional = await read(query);
    const naive = await naiveCounts(db.sql, f, cellKey(db.sql, res), regional);
    expect(new Map(regional.cells.map((c) => [c.h3, counts(c)])), query).toEqual(naive);
    if (f.districts?.length === 1 && f.districts[0] === own.id) {
      const scoped = await hexagons(query.replace(/&district=\d+/, ''), municipal);
      expect(new Map(scoped.map((c) => [c.h3, counts(c)])), `municipal ${query}`).toEqual(naive);
    }
  }

  async function expectEveryCase() {
    for (const res of [5, 6, 7, 8]) {
      for (const window of WINDOWS) {
        await expectGroupBy({ districts: [own.id], ...(window ? { window } : {}) }, res);
      }
    }
    await expectGroupBy({ districts: [own.id, other] }, 8);
    await expectGroupBy({ districts: [own.id], categories: [generated[0]?.category as string] }, 8);
    await expectGroupBy({ districts: [own.id], statuses: ['answered', 'resolved'] }, 8);
  }

  test('district-filtered hexagons equal a GROUP BY over messages, after inserts, a status update and a delete', async () => {
    await expectEveryCase();
    const ownMessages = await db.sql<{ external_id: string }[]>`
      SELECT external_id FROM messages WHERE district_id = ${own.id} ORDER BY id`;
    const byId = new Map(generated.map((m) => [m.externalId, m]));
    const mine = ownMessages.map((r) => byId.get(r.external_id) as MessageInput);
    expect(mine.length).toBeGreaterThan(20);
    // New messages where the district's own ones are (its border cells too), in both years.
    const added = mine.slice(0, 20).map((m, i) => ({
      ...m,
      externalId: `${m.externalId}-again`,
      createdAt: new Date(Date.UTC(2024 + (i % 2), 6, 1 + i)),
      answeredAt: null,
      resolvedAt: null,
      status: 'new' as const,
    }));
    await db.sql.begin((tx) => upsertMessages(tx as unknown as Sql, added, TZ));
    const answered = added.slice(0, 10).map((m) => ({
      ...m,
      status: 'resolved' as const,
      answeredAt: new Date(m.createdAt.getTime() + 3_600_000),
      resolvedAt: new Date(m.createdAt.getTime() + 86_400_000),
    }));
    await db.sql.begin((tx) => upsertMessages(tx as unknown as Sql, answered, TZ));
    await db.sql`DELETE FROM messages WHERE external_id = ANY(${mine.slice(20, 30).map((m) => m.externalId)})`;
    expect(await rollupMismatches(db.sql)).toEqual([]);
    await expectEveryCase();
  });

  test("a municipal account's border cells count only its district's messages, and their medians only its times", async () => {
    const cells = await hexagons('res=8&medians=true', municipal);
    const everyDistrict = new Map((await hexagons('res=8')).map((c) => [c.h3, c.count]));
    const shown = cells.filter((c) => border.includes(c.h3));
    expect(shown.length).toBeGreaterThan(0);
    for (const cell of shown) {
      const [mineOnly] = await db.sql<{ n: number; median: number | null }[]>`
        SELECT count(*)::int AS n,
               percentile_cont(0.5) WITHIN GROUP (
                 ORDER BY greatest(0, floor(extract(epoch FROM answered_at - created_at) / 60)))
                 FILTER (WHERE answered_at IS NOT NULL) AS median
        FROM messages WHERE lower(to_hex(h3_8)) = ${cell.h3} AND district_id = ${own.id}`;
      expect(cell.count, cell.h3).toBe(mineOnly?.n);
      expect(cell.count, cell.h3).toBeLessThan(everyDistrict.get(cell.h3) as number);
      expect(cell.medianAnswerMinutes, cell.h3).toBe(mineOnly?.median ?? null);
    }
  });

  test('whole years come from the district pre-aggregate, not from messages', async () => {
    const queries = [`res=8&district=${own.id}`, 'res=7&from=2025-01-01&to=2026-01-01'];
    const answers = () =>
      Promise.all([hexagons(queries[0] as string), ...queries.map((q) => hexagons(q, municipal))]);
    const before = await answers();
    expect(before.every((cells) => cells.length > 0)).toBe(true);
    // Behind the triggers' back (as no write path does): every message leaves its district, and
    // data_version is bumped so no cached answer is served. Only an answer read from messages sees it.
    await db.sql.begin(async (tx) => {
      await tx`SET LOCAL session_replication_role = replica`;
      await tx`UPDATE messages SET district_id = NULL`;
      await tx`UPDATE app_settings SET value = (value::bigint + 1)::text WHERE key = 'data_version'`;
    });
    expect(await answers()).toEqual(before);
  });
});
