import { BACKENDS } from '@heatmap/api/test-support';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type Answer, asUser, type BreakInApp, jsonOf, startBreakInApp } from './break-in-app';
import { findInternals, isJsonClientError } from './internals-scan';
import { RESOLUTIONS, type ScopeOracle, scopeOracle } from './municipal-oracle';
import { type Endpoint, loadEndpoints, urlFor } from './openapi-endpoints';
import { rawRequest } from './raw-http';

const staffReads = loadEndpoints().filter((e) => e.isStaff && e.method === 'GET');
const withDistrict = staffReads.filter((e) => e.parameters.some((p) => p.name === 'district'));
const has = (e: Endpoint, name: string) => e.parameters.some((p) => p.name === name);
const enc = encodeURIComponent;

describe.each(BACKENDS)('a municipal session asking for another district by every route (%s)', (backend) => {
  let t: BreakInApp;
  let oracle: ScopeOracle;
  let ownIds: string;
  let foreignBbox: string;

  const get = (url: string, as: 'clerk' | 'admin' = 'clerk', method: 'GET' | 'HEAD' = 'GET') =>
    t.app.inject(asUser(as === 'clerk' ? t.clerk : t.admin, { method, url }));
  const refused = (response: Answer, what: string) => {
    expect(response.statusCode, `${what}: ${response.body.slice(0, 200)}`).toBe(403);
    expect(isJsonClientError(response), what).toBe(true);
    expect(Object.keys(jsonOf(response) as object).sort(), what).toEqual(['error', 'message', 'statusCode']);
    expect(findInternals(response), what).toEqual([]);
  };
  // A foreign cell answers as an empty one and a foreign message as one that does not exist: a 403 would
  // tell where the other districts' messages are.
  const emptyPage = (response: Answer, what: string) => {
    expect(response.statusCode, `${what}: ${response.body.slice(0, 200)}`).toBe(200);
    // Not even the place in words: another district's streets are not its business.
    expect(jsonOf(response), what).toEqual({
      messages: [],
      nextCursor: null,
      place: { district: null, street: null, label: null },
    });
  };
  const notFound = (response: Answer, id: string, what: string) => {
    expect(response.statusCode, `${what}: ${response.body.slice(0, 200)}`).toBe(404);
    expect(jsonOf(response), what).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: `No message with id ${id}`,
    });
  };

  beforeAll(async () => {
    t = await startBreakInApp(backend);
    oracle = await scopeOracle(
      t.db,
      t.own.map((d) => d.id),
    );
    ownIds = t.own.map((d) => d.id).join(',');
    const meta = (await get('/api/v1/meta', 'admin')).json() as {
      districts: { id: number; bbox: number[] }[];
    };
    foreignBbox = meta.districts.find((d) => d.id === t.foreign.id)?.bbox.join(',') ?? '';
  });
  afterAll(async () => {
    await t?.close();
  });

  test('district= naming another district, by id or name, alone or mixed with its own: 403 everywhere', async () => {
    expect(withDistrict.length).toBeGreaterThanOrEqual(5);
    const [first, second] = t.own as [{ id: number; name: string }, { id: number; name: string }];
    const asks = [
      String(t.foreign.id),
      enc(t.foreign.name),
      `${first.id},${t.foreign.id}`,
      enc(`${first.name},${t.foreign.name}`),
      enc(`${second.name}, ${t.foreign.id}`),
      `${first.id}&district=${t.foreign.id}`,
      enc(` ${t.foreign.name} `),
      enc(t.foreign.name.toLowerCase()),
      `0${t.foreign.id}`,
      '999999',
      enc(`${first.id},${first.name},${second.id},NoSuchDistrict`),
    ];
    for (const e of withDistrict) {
      for (const ask of asks) {
        const url = urlFor(e, t.known, { res: '8', district: ask });
        refused(await get(url), url);
        expect((await get(url, 'clerk', 'HEAD')).statusCode, `HEAD ${url}`).toBe(403);
      }
    }
  });

  test('no filter, a bbox around the other district, or its own districts: the same answer as an admin naming its own districts', async () => {
    const variants: Record<string, string>[] = [
      {},
      { bbox: foreignBbox },
      { bbox: '18.8,47.3,19.4,47.7' },
      { district: ownIds },
      { district: enc(t.own.map((d) => d.name).join(',')) },
      { from: '2024-06-01', to: '2024-07-01' },
    ];
    let compared = 0;
    for (const e of withDistrict) {
      const h3 = { h3: oracle.borderCells.get(8)?.h3 ?? '' };
      for (const variant of variants) {
        const extra = { res: '8', ...h3, ...(has(e, 'limit') ? { limit: '500' } : {}), ...variant };
        const mine = await get(urlFor(e, t.known, extra));
        const admins = await get(urlFor(e, t.known, { ...extra, district: ownIds }), 'admin');
        const what = `${e.path} ${JSON.stringify(variant)}`;
        expect(mine.statusCode, `${what}: ${mine.body.slice(0, 200)}`).toBe(200);
        expect(admins.statusCode, what).toBe(200);
        // JSON compared as data; other bodies (the CSV export) byte for byte.
        const isJson = String(mine.headers['content-type']).startsWith('application/json');
        if (isJson) expect(mine.json(), what).toEqual(admins.json());
        else expect(mine.body, what).toBe(admins.body);
        compared += 1;
      }
    }
    expect(compared).toBe(withDistrict.length * variants.length);
  });

  test.each(RESOLUTIONS.map((res) => [res]))(
    '/hexagons at res %i: every cell, border cells too, counts only its own messages (SQL)',
    async (res) => {
      for (const bbox of [undefined, foreignBbox]) {
        const response = await get(`/api/v1/hexagons?res=${res}${bbox ? `&bbox=${bbox}` : ''}`);
        expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
        const body = response.json() as { cells: { h3: string; count: number }[]; total: number };
        const expected = oracle.cells.get(res) as Map<string, number>;
        for (const cell of body.cells) expect(cell.count, `${res} ${cell.h3}`).toBe(expected.get(cell.h3));
        if (!bbox) {
          expect(body.cells.length).toBe(expected.size);
          expect(body.total).toBe(oracle.total);
        }
      }
    },
  );

  test('/timeline, /summary, /districts and /meta: counts and extents equal SQL over its own districts', async () => {
    const timeline = (await get('/api/v1/timeline?res=8&bucket=month')).json() as { totals: number[] };
    expect(timeline.totals.reduce((a, b) => a + b, 0)).toBe(oracle.total);
    const summary = (await get('/api/v1/summary?top=50')).json() as {
      count: number;
      topCells: { h3: string; count: number }[];
    };
    expect(summary.count).toBe(oracle.total);
    for (const c of summary.topCells) expect(c.count).toBe(oracle.cells.get(8)?.get(c.h3));
    const districts = (await get('/api/v1/districts')).json() as { features: { id: number }[] };
    expect(districts.features.map((f) => f.id).sort()).toEqual(t.own.map((d) => d.id).sort());
    const meta = (await get('/api/v1/meta')).json() as Record<string, unknown>;
    const [extent] = await t.db.sql<{ from: Date; to: Date; w: number; s: number; e: number; n: number }[]>`
      SELECT min(created_at) AS from, max(created_at) AS to, min(lon) AS w, min(lat) AS s, max(lon) AS e,
             max(lat) AS n
      FROM messages WHERE district_id = ANY(${t.own.map((d) => d.id)}::int[])`;
    expect(meta.total).toBe(oracle.total);
    expect((meta.districts as { id: number }[]).map((d) => d.id).sort()).toEqual(
      t.own.map((d) => d.id).sort(),
    );
    expect(meta.extent).toEqual({
      from: extent?.from.toISOString(),
      to: extent?.to.toISOString(),
      bbox: [extent?.w, extent?.s, extent?.e, extent?.n],
    });
    for (const key of ['categories', 'sources', 'statuses']) {
      const sum = (meta[key] as { count: number }[]).reduce((a, b) => a + b.count, 0);
      expect(sum, key).toBe(oracle.total);
    }
  });

  test.each(RESOLUTIONS.map((res) => [res]))(
    'a cell at res %i wholly in other districts: an empty page in every spelling; a border cell: its own messages only',
    async (res) => {
      const foreign = oracle.foreignCells.get(res) as string;
      for (const spelling of [foreign, foreign.toUpperCase(), `0${foreign}`]) {
        const url = `/api/v1/cells/${spelling}/messages?limit=500`;
        emptyPage(await get(url), url);
        emptyPage(await get(`${url}&district=${ownIds}`), url);
      }
      const border = oracle.borderCells.get(res) as { h3: string; own: number };
      const districts = new Set<string>();
      let seen = 0;
      let cursor: string | null = null;
      do {
        const url = `/api/v1/cells/${border.h3}/messages?limit=500${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await get(url);
        expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
        const page = response.json() as { messages: { district: string }[]; nextCursor: string | null };
        seen += page.messages.length;
        for (const m of page.messages) districts.add(m.district);
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toBe(border.own);
      for (const name of districts) expect(t.own.map((d) => d.name)).toContain(name);
    },
  );

  test('cells at resolutions the scope check skips (0-4, 11-15) and cells outside every district: never data', async () => {
    const { cellToParent, cellToChildren } = await import('h3-js');
    const foreign8 = oracle.foreignCells.get(8) as string;
    const asks = [
      cellToParent(foreign8, 4),
      cellToParent(foreign8, 0),
      ...cellToChildren(oracle.foreignCells.get(10) as string, 11).slice(0, 2),
      ...cellToChildren(oracle.foreignCells.get(10) as string, 15).slice(0, 1),
    ];
    for (const h3 of asks) {
      const response = await get(`/api/v1/cells/${h3}/messages`);
      expect(response.statusCode, `${h3}: ${response.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.body).not.toMatch(/"messages"/);
    }
    emptyPage(await get(`/api/v1/cells/${oracle.outsideCell}/messages`), 'outside cell');
  });

  test('a message of another district or of none: the 404 of an unknown id by GET and HEAD; its own message: 200', async () => {
    for (const id of [oracle.foreignMessage, oracle.outsideMessage, '999999999999']) {
      for (const url of [`/api/v1/messages/${id}`, `/api/v1/messages/${id}/`, `/api/v1/messages/${id}?x=1`]) {
        notFound(await get(url), String(id), url);
        expect((await get(url, 'clerk', 'HEAD')).statusCode, `HEAD ${url}`).toBe(404);
      }
    }
    expect((await get(`/api/v1/messages/${oracle.ownMessage}`)).statusCode).toBe(200);
  });

  // The HTTP parsing under test is the same for both backends: one real socket is enough.
  if (backend === 'server') {
    test('over a real socket, an absolute-form request target does not lift the scope', async () => {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const port = (t.app.server.address() as { port: number }).port;
      const cookie = { cookie: t.clerk.cookieHeader };
      const leaks: string[] = [];
      for (const [path, expected] of [
        [`/api/v1/hexagons?res=8&district=${t.foreign.id}`, 403],
        [`/api/v1/messages/${oracle.foreignMessage}`, 404],
        [`/api/v1/cells/${oracle.foreignCells.get(8)}/messages`, 200],
      ] as const) {
        for (const target of [path, `http://heatmap.test${path}`]) {
          const response = await rawRequest(port, target, cookie);
          if (response.statusCode !== expected || /"title"|"lat"/.test(response.body)) {
            leaks.push(`${target}: ${response.statusCode}`);
          }
        }
      }
      const meta = await rawRequest(port, 'http://heatmap.test/api/v1/meta', cookie);
      const total = Number(/"total":(\d+)/.exec(meta.body)?.[1]);
      if (total !== oracle.total) leaks.push(`absolute-form /meta total ${total}, own ${oracle.total}`);
      expect(leaks).toEqual([]);
    });
  }
});
