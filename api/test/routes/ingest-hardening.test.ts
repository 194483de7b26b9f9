import { request as httpRequest } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../src/server';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp, INGEST_TOKEN, testConfig } from './app-helper';

const auth = { authorization: `Bearer ${INGEST_TOKEN}` };

function message(id: string, overrides: Record<string, unknown> = {}) {
  return { id, createdAt: '2024-06-01T10:00:00Z', category: 'roads', lat: 47.5, lon: 19.05, ...overrides };
}

describe.each(BACKENDS)('POST /api/v1/messages refuses what it cannot store faithfully, on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const post = (payload: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      payload: payload as string,
      headers: { 'content-type': 'application/json', ...auth, ...headers },
    });
  const count = async (where = db.sql`true`) =>
    (await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM messages WHERE ${where}`)[0]?.n;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    app = await buildTestApp(db, { signedIn: false });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('the token is checked before the body is read: a malformed body without it gets 401, not a parse error', async () => {
    const response = await post('{"this is not json', { authorization: 'Bearer wrong' });
    expect(response.statusCode).toBe(401);
    const none = await app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      payload: '[{"broken',
      headers: { 'content-type': 'application/json' },
    });
    expect(none.statusCode).toBe(401);
  });

  test('a server answers 401 to an unauthenticated 50 MB upload before receiving it', async () => {
    const server = await startServer(testConfig(), { db });
    try {
      const url = new URL(`${server.url}/api/v1/messages`);
      // Only 1 kB of the announced 50 MB is ever sent: the answer must come without the rest.
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          url,
          {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'content-length': String(50 * 1024 * 1024) },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
            req.destroy();
          },
        );
        req.on('error', reject);
        req.write(`[${' '.repeat(1024)}`);
      });
      expect(status).toBe(401);
    } finally {
      await server.close();
    }
  });

  test('values longer than their field allows are rejected per row, with the field and the limit', async () => {
    const response = await post([
      message('long-text', { text: 'x'.repeat(300_000) }),
      message('long-category', { category: 'c'.repeat(10_000) }),
      message('long-title', { title: 't'.repeat(501) }),
      message('long-address', { address: 'a'.repeat(501) }),
      message('long-url', { url: `https://example.org/${'u'.repeat(2_000)}` }),
      message('i'.repeat(201)),
      message('ok', { text: 'y'.repeat(20_000) }),
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.inserted).toBe(1);
    expect(report.rejected).toEqual([
      { index: 0, reason: 'text (column "text") has 300000 characters; at most 20000 are kept' },
      { index: 1, reason: 'category (column "category") has 10000 characters; at most 100 are kept' },
      { index: 2, reason: 'title (column "title") has 501 characters; at most 500 are kept' },
      { index: 3, reason: 'address (column "address") has 501 characters; at most 500 are kept' },
      { index: 4, reason: 'url (column "url") has 2020 characters; at most 2000 are kept' },
      { index: 5, reason: 'id (column "id") has 201 characters; at most 200 are kept' },
    ]);
    expect(await count(db.sql`length(body) > 20000`)).toBe(0);
    const [longest] = await db.sql<{ n: number }[]>`SELECT max(length(name))::int AS n FROM categories`;
    expect(longest?.n).toBeLessThanOrEqual(100);
  });

  test('no value is coerced: booleans, hex strings and objects are rejected per row', async () => {
    const response = await post([
      message('bool-lat', { lat: true }),
      message('hex-lat', { lat: '0x2F' }),
      message('object-category', { category: { name: 'roads' } }),
      message('bool-id-text', { text: false }),
      message('array-title', { title: ['a'] }),
    ]);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: [
        { index: 0, reason: 'lat (column "lat") is a boolean; send text or a number' },
        { index: 1, reason: 'coordinate lat (column "lat") is not a number: "0x2F"' },
        { index: 2, reason: 'category (column "category") is an object; send text or a number' },
        { index: 3, reason: 'text (column "text") is a boolean; send text or a number' },
        { index: 4, reason: 'title (column "title") is an array; send text or a number' },
      ],
    });
    expect(await count()).toBe(1);
  });

  test('an offset beyond 23:59 is not a date', async () => {
    const response = await post([
      message('zone-99', { createdAt: '2024-06-01T10:00:00+99:99' }),
      message('zone-25', { createdAt: '2024-06-01T10:00:00+25:00' }),
      message('zone-ok', { createdAt: '2024-06-01T10:00:00+14:00' }),
    ]);
    expect(response.json()).toMatchObject({
      inserted: 1,
      rejected: [
        { index: 0, reason: expect.stringMatching(/^createdAt "2024-06-01T10:00:00\+99:99" is not a date/) },
        { index: 1, reason: expect.stringMatching(/^createdAt "2024-06-01T10:00:00\+25:00" is not a date/) },
      ],
    });
  });

  test('a second record with the same id in one batch is rejected, not counted as unchanged', async () => {
    const batch = Array.from({ length: 5 }, (_, i) => message('dup', { category: `version ${i}` }));
    const response = await post(batch);
    expect(response.json()).toEqual({
      inserted: 1,
      updated: 0,
      unchanged: 0,
      rejected: [1, 2, 3, 4].map((index) => ({
        index,
        reason: 'duplicate id in this batch: the same as index 0',
      })),
    });
    const ndjson = `${JSON.stringify(message('dup2'))}\n${JSON.stringify(message('dup2', { lat: 47.6 }))}\n`;
    const lines = await post(ndjson, { 'content-type': 'application/x-ndjson' });
    expect(lines.json().rejected).toEqual([
      { line: 2, reason: 'duplicate id in this batch: the same as line 1' },
    ]);
  });

  test('invalid UTF-8 in a JSON or NDJSON body is a 400 and writes nothing', async () => {
    const before = await count();
    const bytes = (text: string) =>
      Buffer.concat([
        Buffer.from(text.split('@@')[0] as string),
        Buffer.from([0xc3, 0x28]),
        Buffer.from(text.split('@@')[1] as string),
      ]);
    const json = await post(bytes(JSON.stringify([message('utf8', { category: 'bad@@name' })])));
    expect(json.statusCode, json.body).toBe(400);
    expect(json.json().message).toMatch(/UTF-8/);
    const ndjson = await post(bytes(JSON.stringify(message('utf8b', { category: 'bad@@name' }))), {
      'content-type': 'application/x-ndjson',
    });
    expect(ndjson.statusCode, ndjson.body).toBe(400);
    expect(await count()).toBe(before);
    const [bad] = await db.sql<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM categories WHERE name LIKE ${'%\uFFFD%'}`;
    expect(bad?.n).toBe(0);
  });

  test.each([
    ['null', 'null'],
    ['an object', '{"id":"x"}'],
    ['a number', '42'],
    ['a JSON string', '"[]"'],
  ])('a body that is %s gets 400', async (_, payload) => {
    const response = await post(payload);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().message).toMatch(/^Invalid body/);
  });
});
