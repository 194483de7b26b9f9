import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../src/server';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp, INGEST_TOKEN, testConfig } from './app-helper';

const auth = { authorization: `Bearer ${INGEST_TOKEN}` };

function message(id: number, overrides: Record<string, unknown> = {}) {
  return {
    id: `m${id}`,
    createdAt: '2024-06-01T10:00:00Z',
    category: 'roads',
    lat: 47.5,
    lon: 19.05,
    ...overrides,
  };
}

describe.each(BACKENDS)('POST /api/v1/messages and cache invalidation on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    app = await buildTestApp(db);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  const post = (payload: string | object, headers: Record<string, string> = {}) =>
    app.inject({ method: 'POST', url: '/api/v1/messages', payload, headers: { ...auth, ...headers } });

  test('without the token the request is refused and nothing is written', async () => {
    const response = await post([message(1)], { authorization: 'Bearer wrong' });
    expect(response.statusCode).toBe(401);
    const none = await app.inject({ method: 'POST', url: '/api/v1/messages', payload: [message(1)] });
    expect(none.statusCode).toBe(401);
    const [row] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM messages`;
    expect(row?.n).toBe(0);
  });

  test('a JSON array goes in, bad rows are reported by index, a re-send is a no-op', async () => {
    const body = [message(1), message(2, { lat: 'north' }), message(3, { category: '' })];
    const first = await post(body);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ inserted: 1, updated: 0, unchanged: 0 });
    expect(first.json().rejected.map((r: { index: number }) => r.index)).toEqual([1, 2]);
    const again = await post(body);
    expect(again.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
  });

  test('NDJSON goes in with line numbers; a malformed line fails the request and writes nothing', async () => {
    const ndjson = `${JSON.stringify(message(10))}\n${JSON.stringify(message(11, { lon: 500 }))}\n`;
    const ok = await post(ndjson, { 'content-type': 'application/x-ndjson' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ inserted: 1, rejected: [{ line: 2 }] });
    const broken = await post(`${JSON.stringify(message(12))}\n{oops\n`, {
      'content-type': 'application/x-ndjson',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().message).toMatch(/line 2/);
    const [row] = await db.sql<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM messages WHERE external_id = 'm12'`;
    expect(row?.n).toBe(0);
  });

  test('more than 10,000 records get 400', async () => {
    const many = Array.from({ length: 10_001 }, (_, i) => message(100 + i));
    const response = await post(many);
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toMatch(/10000|10,000/);
  });

  test('an ingest invalidates cached aggregates and their ETags', async () => {
    const url = '/api/v1/hexagons?res=8';
    const before = await app.inject({ url });
    const etag = before.headers.etag as string;
    expect((await app.inject({ url, headers: { 'if-none-match': etag } })).statusCode).toBe(304);
    const total = before.json().total;
    expect((await post([message(5000, { lat: 47.51 })])).statusCode).toBe(200);
    const after = await app.inject({ url, headers: { 'if-none-match': etag } });
    expect(after.statusCode).toBe(200);
    expect(after.json().total).toBe(total + 1);
  });

  test("with a version TTL, another writer shows after the TTL and this process's ingest at once", async () => {
    const trusting = await buildTestApp(db, { cacheVersionTtlMs: 60_000 });
    try {
      const url = '/api/v1/hexagons?res=8&medians=false';
      const total = (await trusting.inject({ url })).json().total;
      // Another process's write: this app trusts its data_version read for a minute.
      await app.inject({ method: 'POST', url: '/api/v1/messages', payload: [message(7000)], headers: auth });
      expect((await trusting.inject({ url })).json().total).toBe(total);
      const posted = await trusting.inject({
        method: 'POST',
        url: '/api/v1/messages',
        payload: [message(7001)],
        headers: auth,
      });
      expect(posted.statusCode).toBe(200);
      expect((await trusting.inject({ url })).json().total).toBe(total + 2);
    } finally {
      await trusting.close();
    }
  });

  test('/healthz and /readyz', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  test('an empty database answers every aggregate with nothing', async () => {
    const empty = await app.inject({ url: '/api/v1/hexagons?res=8&from=2020-01-01&to=2020-02-01' });
    expect(empty.json()).toMatchObject({ cells: [], total: 0 });
    const timeline = await app.inject({ url: '/api/v1/timeline?res=8&from=2020-01-01&to=2020-01-03' });
    expect(timeline.json()).toMatchObject({ totals: [0, 0], cells: { h3: [], offsets: [0] } });
    const summary = await app.inject({ url: '/api/v1/summary?from=2020-01-01&to=2020-02-01' });
    expect(summary.json()).toMatchObject({
      count: 0,
      answeredShare: null,
      answeredInTimeShare: null,
      change: { count: 0 },
    });
  });

  test('startServer listens, serves the built web app with an SPA fallback, and keeps /api 404s JSON', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'heatmap-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>heat map</title>');
    writeFileSync(join(webRoot, 'app.js'), 'console.log(1)');
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'assets', 'main-Ab12Cd34.js'), 'console.log(2)');
    const server = await startServer(testConfig(), { db, webRoot });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({ status: 'ok' });
      const plain = await fetch(`${server.url}/app.js`);
      expect(await plain.text()).toBe('console.log(1)');
      expect(plain.headers.get('cache-control')).not.toMatch(/immutable/);
      const hashed = await fetch(`${server.url}/assets/main-Ab12Cd34.js`);
      expect(await hashed.text()).toBe('console.log(2)');
      expect(hashed.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const index = await fetch(`${server.url}/`);
      expect(index.headers.get('cache-control')).not.toMatch(/immutable/);
      const deepLink = await fetch(`${server.url}/public/map?res=8`);
      expect(deepLink.status).toBe(200);
      expect(await deepLink.text()).toMatch(/<title>heat map/);
      const missing = await fetch(`${server.url}/api/v1/nope`);
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as { message: string }).message).toMatch(/No route/);
      const docs = await fetch(`${server.url}/api/openapi.json`);
      expect(
        ((await docs.json()) as { paths: Record<string, unknown> }).paths['/api/v1/hexagons'],
      ).toBeDefined();
    } finally {
      await server.close();
    }
  });
});
