import type { FastifyInstance } from 'fastify';
import { cellToChildren, cellToParent, gridDisk } from 'h3-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { addUser, signIn } from './auth-helpers';

const PASSWORD = 'correct horse battery';

/**
 * A municipal session against the real app and the Járókelő data: every read is limited to the
 * user's district, and every explicit ask for another district is refused.
 */

/** A cell with none of the account's messages has no place in words either. */
const NO_PLACE = { district: null, street: null, label: null };
describe.each(BACKENDS)('municipal scope through the real app on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let cookie: string;
  let adminCookie: string;
  let own: { id: number; name: string; count: number };
  let foreign: { id: number; name: string };
  let borderCell: string;
  let foreignCell: string;

  const get = (url: string, who: string | undefined = cookie) =>
    app.inject({ url, headers: who ? { cookie: who } : {} });

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'seeded');
    const sql = db.sql;
    // A district with a cell shared with a neighbour: the border case.
    const [border] = await sql<{ cell: bigint; district_id: number }[]>`
      SELECT h3_8 AS cell, min(district_id) AS district_id FROM messages WHERE district_id IS NOT NULL
      GROUP BY h3_8 HAVING count(DISTINCT district_id) > 1 ORDER BY count(*) DESC LIMIT 1`;
    if (!border) throw new Error('the seeded data has no border cell');
    borderCell = border.cell.toString(16);
    const [ownRow] = await sql<{ id: number; name: string; count: number }[]>`
      SELECT d.id, d.name, count(m.id)::int AS count FROM districts d JOIN messages m ON m.district_id = d.id
      WHERE d.id = ${border.district_id} GROUP BY d.id`;
    own = ownRow as typeof own;
    const [foreignRow] = await sql<{ id: number; name: string; cell: bigint }[]>`
      SELECT d.id, d.name, (SELECT m.h3_8 FROM messages m WHERE m.district_id = d.id
        AND NOT EXISTS (SELECT 1 FROM messages o WHERE o.h3_8 = m.h3_8 AND o.district_id IS DISTINCT FROM d.id)
        LIMIT 1) AS cell
      FROM districts d WHERE d.id <> ${own.id} AND EXISTS (SELECT 1 FROM messages m WHERE m.district_id = d.id)
      ORDER BY d.id LIMIT 1`;
    if (!foreignRow) throw new Error('the seeded data has a single district');
    foreign = foreignRow;
    foreignCell = foreignRow.cell.toString(16);
    await addUser(sql, 'clerk', 'municipal', PASSWORD, [own.name]);
    await addUser(sql, 'boss', 'admin', PASSWORD);
    app = await buildApp({ db, config: testConfig() });
    cookie = (await signIn(app, 'clerk', PASSWORD)).cookieHeader;
    adminCookie = (await signIn(app, 'boss', PASSWORD)).cookieHeader;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('/hexagons with no filter or a wider bbox counts only the own district', async () => {
    for (const url of ['/api/v1/hexagons?res=8', '/api/v1/hexagons?res=7&bbox=18.8,47.3,19.4,47.7']) {
      const response = await get(url);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json().total).toBe(own.count);
    }
    const all = await get('/api/v1/hexagons?res=8', adminCookie);
    expect(all.json().total).toBeGreaterThan(own.count);
  });

  test('asking for another district by id or by name is 403 on every filtered endpoint', async () => {
    for (const path of [
      'hexagons?res=8&',
      'timeline?res=8&bucket=month&',
      'summary?',
      'districts?',
      `cells/${borderCell}/messages?`,
    ]) {
      for (const district of [
        String(foreign.id),
        encodeURIComponent(foreign.name),
        `${own.id},${foreign.id}`,
      ]) {
        const response = await get(`/api/v1/${path}district=${district}`);
        expect(response.statusCode, `${path} ${district}`).toBe(403);
        expect(response.json().message).toMatch(/outside them/);
      }
    }
    expect((await get(`/api/v1/hexagons?res=8&district=${own.id}`)).json().total).toBe(own.count);
    expect((await get(`/api/v1/hexagons?res=8&district=${encodeURIComponent(own.name)}`)).statusCode).toBe(
      200,
    );
  });

  test('/timeline, /summary, /districts and /meta hold only the own district', async () => {
    const timeline = (await get('/api/v1/timeline?res=8&bucket=month')).json();
    expect(timeline.totals.reduce((a: number, b: number) => a + b, 0)).toBe(own.count);
    expect((await get('/api/v1/summary')).json().count).toBe(own.count);
    const districts = (await get('/api/v1/districts')).json();
    expect(districts.features.map((f: { id: number }) => f.id)).toEqual([own.id]);
    const meta = (await get('/api/v1/meta')).json();
    expect(meta.districts.map((d: { id: number }) => d.id)).toEqual([own.id]);
    expect(meta.total).toBe(own.count);
  });

  test('a border cell shows only the own messages; a cell wholly elsewhere is an empty page', async () => {
    const border = await get(`/api/v1/cells/${borderCell}/messages?limit=500`);
    expect(border.statusCode, border.body).toBe(200);
    const districts = new Set(border.json().messages.map((m: { district: string }) => m.district));
    expect([...districts]).toEqual([own.name]);
    const elsewhere = await get(`/api/v1/cells/${foreignCell}/messages`);
    expect(elsewhere.statusCode).toBe(200);
    expect(elsewhere.json()).toEqual({ messages: [], nextCursor: null, place: NO_PLACE });
  });

  test('a message of another district is the 404 of a message that does not exist; an own one is served', async () => {
    const [theirs] = await db.sql<
      { id: bigint }[]
    >`SELECT id FROM messages WHERE district_id = ${foreign.id} LIMIT 1`;
    const [mine] = await db.sql<
      { id: bigint }[]
    >`SELECT id FROM messages WHERE district_id = ${own.id} LIMIT 1`;
    const refused = await get(`/api/v1/messages/${theirs?.id}`);
    expect(refused.statusCode).toBe(404);
    expect(refused.json().message).toBe(`No message with id ${theirs?.id}`);
    expect((await get(`/api/v1/messages/${mine?.id}`)).statusCode).toBe(200);
  });

  test('probe attack: foreign cells and ids with and without messages get identical answers', async () => {
    const withMessages = await db.sql<{ cell: bigint }[]>`
      SELECT h3_8 AS cell FROM messages GROUP BY h3_8
      HAVING bool_and(district_id IS DISTINCT FROM ${own.id}) ORDER BY count(*) DESC, h3_8 LIMIT 40`;
    const occupied = new Set(
      (await db.sql<{ cell: bigint }[]>`SELECT DISTINCT h3_8 AS cell FROM messages`).map((r) =>
        r.cell.toString(16),
      ),
    );
    const foreignCells = withMessages.map((r) => r.cell.toString(16));
    const emptyCells = [...new Set(foreignCells.flatMap((cell) => gridDisk(cell, 8)))]
      .filter((cell) => !occupied.has(cell))
      .slice(0, 40);
    expect(foreignCells).toHaveLength(40);
    expect(emptyCells).toHaveLength(40);
    const res10 = await db.sql<{ cell: bigint }[]>`
      SELECT h3_10 AS cell FROM messages WHERE district_id = ${foreign.id} LIMIT 5`;
    const fineWithMessages = res10.map((r) => r.cell.toString(16));
    const fineEmpty = fineWithMessages.map((cell) => cellToChildren(cellToParent(cell, 9), 10)[0] as string);

    const answers = new Set<string>();
    const answer = async (url: string, id: string) => {
      const response = await get(url);
      answers.add(`${response.statusCode} ${response.body.replaceAll(id, 'ID')}`);
      return response.statusCode;
    };
    for (const path of ['/api/v1/cells/H3/messages', '/api/v1/cells/H3/messages?limit=500&q=a']) {
      answers.clear();
      for (const cell of [...foreignCells, ...emptyCells]) await answer(path.replace('H3', cell), cell);
      expect([...answers], path).toEqual([
        '200 {"messages":[],"nextCursor":null,"place":{"district":null,"street":null,"label":null}}',
      ]);
      answers.clear();
      for (const cell of [...fineWithMessages, ...fineEmpty]) await answer(path.replace('H3', cell), cell);
      expect([...answers], path).toEqual([
        '200 {"messages":[],"nextCursor":null,"place":{"district":null,"street":null,"label":null}}',
      ]);
    }
    const foreignIds = await db.sql<{ id: bigint }[]>`
      SELECT id FROM messages WHERE district_id IS DISTINCT FROM ${own.id} ORDER BY id LIMIT 40`;
    const [{ max } = { max: 0n }] = await db.sql<{ max: bigint }[]>`SELECT max(id) AS max FROM messages`;
    answers.clear();
    for (const id of [...foreignIds.map((r) => r.id), ...foreignIds.map((r) => max + r.id)]) {
      await answer(`/api/v1/messages/${id}`, `id ${id}`);
    }
    expect([...answers]).toEqual([
      '404 {"statusCode":404,"error":"Not Found","message":"No message with ID"}',
    ]);
  });

  test('admin and municipal answers to the same URL never share a cache entry', async () => {
    const url = '/api/v1/summary?from=2024-01-01';
    const first = (await get(url, adminCookie)).json().count;
    const second = (await get(url)).json().count;
    expect(second).toBeLessThan(first);
    expect((await get(url)).headers['cache-control']).toMatch(/private/);
  });

  test('failing closed, anonymous reads of routes not declared public get 401', async () => {
    for (const url of [
      '/api/v1/hexagons?res=8',
      `/api/v1/cells/${borderCell}/messages`,
      '/api/v1/messages/1',
    ]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(401);
      expect(response.body).not.toMatch(/"lat"|"cells"/);
    }
    expect((await app.inject({ url: '/api/v1/auth/me' })).json().role).toBe('public');
    expect((await app.inject({ url: '/api/v1/hexagons?res=8', headers: { cookie } })).statusCode).toBe(200);
  });

  test('with the public map off, anonymous reads get 401 and health checks still answer', async () => {
    const config = testConfig();
    const closed = await buildApp({ db, config: { ...config, auth: { ...config.auth, publicMap: false } } });
    for (const url of ['/api/v1/hexagons?res=8', '/api/v1/meta', `/api/v1/cells/${borderCell}/messages`]) {
      expect((await closed.inject({ url })).statusCode, url).toBe(401);
    }
    expect((await closed.inject({ url: '/healthz' })).statusCode).toBe(200);
    expect((await closed.inject({ url: '/api/v1/auth/me' })).json()).toEqual({
      role: 'public',
      publicMap: false,
    });
    await closed.close();
  });
});
