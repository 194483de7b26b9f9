import { groupsOfAtLeast } from '@heatmap/geo';
import type { FastifyInstance } from 'fastify';
import { cellToChildren } from 'h3-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { addUser, signIn } from '../auth/auth-helpers';
import { testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

interface PublicCell {
  h3: string;
  count: number;
}

const INJECTIONS = [
  "1' OR '1'='1",
  "'; DROP TABLE messages; --",
  '1);DELETE FROM messages;--',
  '$(reboot)',
  'x'.repeat(5000),
];

describe.each(BACKENDS)('public API routes on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let cells: PublicCell[];

  const get = (url: string, headers: Record<string, string> = {}) =>
    app.inject({ url: `/api/v1/public/${url}`, headers });

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'seeded');
    app = await buildApp({ db, config: testConfig() });
    cells = (await get('hexagons?res=8')).json().cells;
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('res above the public cap is a 400 naming the cap; a zoom picks at most res 8', async () => {
    for (const res of [9, 10, 4, 15]) {
      const response = await get(`hexagons?res=${res}`);
      expect(response.statusCode, String(res)).toBe(400);
      expect(response.json().message).toMatch(/"res".*resolutions 5 to 8/);
    }
    expect((await get('hexagons?zoom=17')).json().res).toBe(8);
    expect((await get('timeline?res=9&bucket=month')).statusCode).toBe(400);
    expect((await get('summary?res=9')).statusCode).toBe(400);
    const child = cellToChildren((cells[0] as PublicCell).h3, 9)[0];
    const drill = await get(`cells/${child}/messages`);
    expect(drill.statusCode).toBe(400);
  });

  test('public windows are whole months, rounded outward; the timeline has month buckets only', async () => {
    const timed = await get('hexagons?res=8&from=2024-01-01T10:00:00Z');
    expect(timed.statusCode).toBe(400);
    expect(timed.json().message).toMatch(/"from".*dates only/);
    for (const bucket of ['day', 'hour', 'week']) {
      const response = await get(`timeline?res=8&bucket=${bucket}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().message).toMatch(/"bucket".*per month/);
    }
    expect((await get('timeline?res=8')).json().bucket).toBe('month');
    const window = (await get('hexagons?res=8&from=2024-03-15&to=2024-04-10')).json();
    // Local midnights in Budapest: 1 March (UTC+1) and 1 May (UTC+2).
    expect([window.from, window.to]).toEqual(['2024-02-29T23:00:00.000Z', '2024-04-30T22:00:00.000Z']);
    const aligned = (await get('hexagons?res=8&from=2024-03-01&to=2024-05-01')).json();
    expect(aligned).toEqual(window);
  });

  test('the drill-down shows category, month and status only, of groups of k or more, and pages through them', async () => {
    const cell = [...cells].sort((a, b) => b.count - a.count)[0] as PublicCell;
    const rows = await db.sql<{ key: string }[]>`
      SELECT format('%s|%s|%s|%s|%s|%s|%s|%s|%s', h3_5, h3_6, h3_7, h3_8, date_trunc('month', local_day),
                    category_id, status, source_id, district_id) AS key
      FROM messages WHERE h3_8 = ${BigInt(`0x${cell.h3}`).toString()}::int8`;
    const expected = groupsOfAtLeast(rows, (r) => r.key, { minCount: 5 }).length;
    expect(expected).toBeGreaterThan(25);
    const seen: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page = await get(`cells/${cell.h3}/messages?limit=25${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.statusCode, page.body).toBe(200);
      const body = page.json();
      for (const m of body.messages) {
        expect(Object.keys(m).sort()).toEqual(['category', 'month', 'status']);
        expect(m.month).toMatch(/^\d{4}-\d{2}$/);
      }
      seen.push(...body.messages);
      cursor = body.nextCursor;
      // The cursor is sealed: no message id and no time inside.
      if (cursor) expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toMatch(/\d{6,}\.\d+/);
    } while (cursor);
    expect(seen).toHaveLength(expected);
  });

  test('a withheld cell has no drill-down; a forged or staff cursor is a 400', async () => {
    const [row] = await db.sql<{ cell: bigint }[]>`
      SELECT h3_8 AS cell FROM messages GROUP BY h3_8 HAVING count(*) BETWEEN 1 AND 4 LIMIT 1`;
    const hidden = BigInt(row?.cell ?? 0).toString(16);
    expect(cells.some((c) => c.h3 === hidden)).toBe(false);
    const response = await get(`cells/${hidden}/messages`);
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toMatch(/"messages"/);
    const h3 = (cells[0] as PublicCell).h3;
    const staffCursor = Buffer.from('1700000000000000.123').toString('base64url');
    for (const cursor of [staffCursor, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const forged = await get(`cells/${h3}/messages?cursor=${cursor}`);
      expect(forged.statusCode).toBe(400);
      expect(forged.json().message).toMatch(/"cursor"/);
    }
  });

  test('answers may be kept by shared caches for a minute, with an ETag and 304', async () => {
    for (const url of ['meta', 'hexagons?res=7', 'timeline?res=7&bucket=month', 'districts', 'summary']) {
      const first = await get(url);
      expect(first.statusCode, url).toBe(200);
      expect(first.headers['cache-control'], url).toBe('public, max-age=60');
      const etag = first.headers.etag as string;
      expect(etag).toBeTruthy();
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode, url).toBe(304);
      expect(again.headers['cache-control'], url).toBe('public, max-age=60');
      // The staff route at the same filters has its own entry and tag.
      expect(
        (await app.inject({ url: `/api/v1/${url}`, headers: { 'if-none-match': etag } })).statusCode,
      ).not.toBe(304);
    }
    await addUser(db.sql, 'public-reader', 'admin', 'a long password 1');
    const session = await signIn(app, 'public-reader', 'a long password 1');
    const signedIn = await get('hexagons?res=7', { cookie: session.cookieHeader });
    expect(signedIn.headers['cache-control']).toMatch(/^private/);
  });

  test('SQL injection and oversized values in every public parameter get a 400 and change nothing', async () => {
    const [before] = await db.sql<{ n: number; v: string }[]>`
      SELECT (SELECT count(*)::int FROM messages) AS n,
             (SELECT value FROM app_settings WHERE key = 'data_version') AS v`;
    const h3 = (cells[0] as PublicCell).h3;
    const routes: Record<string, string[]> = {
      meta: [],
      'hexagons?': ['res', 'zoom', 'medians'],
      'timeline?': ['res', 'zoom', 'bucket'],
      'districts?': ['medians'],
      'summary?': ['res', 'zoom', 'top'],
      [`cells/${h3}/messages?`]: ['cursor', 'limit'],
    };
    const common = ['from', 'to', 'category', 'source', 'status', 'district', 'bbox'];
    const failures: string[] = [];
    for (const [route, own] of Object.entries(routes)) {
      if (route === 'meta') continue;
      for (const parameter of [...common, ...own]) {
        for (const value of INJECTIONS) {
          const url = `${route}${parameter}=${encodeURIComponent(value)}`;
          const response = await get(url);
          if (response.statusCode !== 400) failures.push(`${url.slice(0, 80)} -> ${response.statusCode}`);
          else if (!response.json().message.includes(`"${parameter}"`))
            failures.push(`${url.slice(0, 80)}: ${response.json().message}`);
        }
      }
    }
    for (const value of INJECTIONS) {
      const response = await get(`cells/${encodeURIComponent(value)}/messages`);
      // A path segment over maxParamLength is refused by the router itself (414).
      if (![400, 404, 414].includes(response.statusCode))
        failures.push(`h3 ${value.slice(0, 30)} -> ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
    const [after] = await db.sql<{ n: number; v: string }[]>`
      SELECT (SELECT count(*)::int FROM messages) AS n,
             (SELECT value FROM app_settings WHERE key = 'data_version') AS v`;
    expect(after).toEqual(before);
  });

  test('anonymous callers get 401 on every staff read route, and the public ones answer', async () => {
    const h3 = (cells[0] as PublicCell).h3;
    for (const url of [
      '/api/v1/hexagons?res=8',
      '/api/v1/timeline?res=8',
      `/api/v1/cells/${h3}/messages`,
      '/api/v1/messages/1',
      '/api/v1/districts',
      '/api/v1/summary',
      '/api/v1/meta',
    ]) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(401);
      expect(response.body, url).not.toMatch(/"cells"|"messages"|"features"/);
    }
    expect((await app.inject({ url: '/api/v1/nope' })).statusCode).toBe(404);
    expect((await get('hexagons?res=8')).statusCode).toBe(200);
  });

  test('with the public map switched off, anonymous callers get 401 on every public route', async () => {
    const closed = await buildApp({
      db,
      config: { ...testConfig(), auth: { ...testConfig().auth, publicMap: false } },
    });
    try {
      for (const url of [
        'meta',
        'hexagons?res=8',
        'timeline',
        'districts',
        'summary',
        `cells/${cells[0]?.h3}/messages`,
      ]) {
        const response = await closed.inject({ url: `/api/v1/public/${url}` });
        expect(response.statusCode, url).toBe(401);
        expect(response.json().message).toMatch(/Sign in/);
      }
    } finally {
      await closed.close();
    }
  });
});
