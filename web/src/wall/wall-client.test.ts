// @vitest-environment node
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, expectTypeOf, test } from 'vitest';
import { ApiError } from '../api/http';
import type { JsonOf } from '../api/types';
import { createWallClient, type Fetched } from './wall-client';

/** The test server answers every URL with the URL and its data version. */
type Echo = { url: string; version: number };
const echo = <T>(fetched: Fetched<T>) => fetched as unknown as Fetched<Echo>;

/** A tiny HTTP server with the API's caching contract: an ETag per URL and data version, 304 on a match. */
async function startServer(options: { staffNeedsSession?: boolean } = {}) {
  const state = { version: 1, requests: [] as { url: string; ifNoneMatch?: string; status: number }[] };
  const server: Server = createServer((request, response) => {
    const url = request.url ?? '';
    const etag = `"${state.version}-${url}"`;
    const ifNoneMatch = request.headers['if-none-match'];
    let status = 200;
    if (options.staffNeedsSession && !url.startsWith('/api/v1/public/')) status = 401;
    else if (ifNoneMatch === etag) status = 304;
    state.requests.push({ url, ifNoneMatch, status });
    if (status !== 200) {
      response.writeHead(status).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json', etag });
    response.end(JSON.stringify({ url, version: state.version }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, state, close: () => new Promise((r) => server.close(r)) };
}

let close: (() => Promise<unknown>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe('createWallClient', () => {
  test('revalidates with the ETag and reuses the kept body on 304', async () => {
    const server = await startServer();
    close = server.close;
    const client = createWallClient({ baseUrl: server.baseUrl });
    const summary = { query: { from: '2025-09-30', top: 5 } };
    const first = echo(await client.get('/summary', summary));
    const second = echo(await client.get('/summary', summary));
    expect(first).toEqual({
      body: { url: '/api/v1/summary?from=2025-09-30&top=5', version: 1 },
      fresh: true,
    });
    expect(second.fresh).toBe(false);
    expect(second.body).toBe(first.body);
    expect(server.state.requests.map((r) => r.status)).toEqual([200, 304]);
    server.state.version = 2;
    const third = echo(await client.get('/summary', summary));
    expect(third).toMatchObject({ fresh: true, body: { version: 2 } });
  });

  test('keeps at most maxEntries bodies', async () => {
    const server = await startServer();
    close = server.close;
    const client = createWallClient({ baseUrl: server.baseUrl, maxEntries: 3 });
    for (let limit = 1; limit <= 10; limit += 1)
      await client.get('/cells/{h3}/messages', { path: { h3: 'x' }, query: { limit } });
    expect(client.size).toBe(3);
  });

  test('a 401 from the staff API switches to the public API and says so', async () => {
    const server = await startServer({ staffNeedsSession: true });
    close = server.close;
    const changes: string[] = [];
    const client = createWallClient({ baseUrl: server.baseUrl, onAccessChange: (a) => changes.push(a) });
    const meta = echo(await client.get('/meta'));
    expect(meta.body.url).toBe('/api/v1/public/meta');
    expect(client.access).toBe('public');
    expect(changes).toEqual(['public']);
    await client.get('/summary');
    expect(server.state.requests.map((r) => r.url)).toEqual([
      '/api/v1/meta',
      '/api/v1/public/meta',
      '/api/v1/public/summary',
    ]);
  });

  test('a staff-only route is asked of the staff API, revalidated like the others', async () => {
    const server = await startServer();
    close = server.close;
    const client = createWallClient({ baseUrl: server.baseUrl });
    const first = await client.getStaff('/alerts', { query: { day: '2025-09-30', res: 8 } });
    const second = await client.getStaff('/alerts', { query: { day: '2025-09-30', res: 8 } });
    expect(first && echo(first).body.url).toBe('/api/v1/alerts?day=2025-09-30&res=8');
    expect(second?.fresh).toBe(false);
    expect(server.state.requests.map((r) => r.status)).toEqual([200, 304]);
  });

  test('a staff-only route answers null on the public API and never asks it', async () => {
    const server = await startServer({ staffNeedsSession: true });
    close = server.close;
    const changes: string[] = [];
    const client = createWallClient({ baseUrl: server.baseUrl, onAccessChange: (a) => changes.push(a) });
    expect(await client.getStaff('/hotspots/emerging', { query: { step: 'week' } })).toBeNull();
    expect(client.access).toBe('public');
    expect(changes).toEqual(['public']);
    expect(await client.getStaff('/alerts')).toBeNull();
    expect(server.state.requests.map((r) => r.url)).toEqual(['/api/v1/hotspots/emerging?step=week']);
  });

  test('an unreachable server is an ApiError with status 0', async () => {
    const server = await startServer();
    await server.close();
    const client = createWallClient({ baseUrl: server.baseUrl });
    await expect(client.get('/meta')).rejects.toEqual(new ApiError(0, 'network'));
  });

  test('the route names its query and its body: both APIs serve it, typed as the staff one', () => {
    const client = createWallClient({ baseUrl: 'http://127.0.0.1:9' });
    const get = () => client.get('/cells/{h3}/messages', { path: { h3: 'x' }, query: { limit: 5 } });
    expectTypeOf<Awaited<ReturnType<typeof get>>['body']>().toEqualTypeOf<
      JsonOf<'/api/v1/cells/{h3}/messages'>
    >();
    // Compiled, never run: each call below must be refused by the type checker.
    const refused = () => [
      // @ts-expect-error: no such route in either API
      client.get('/nowhere'),
      // @ts-expect-error: staff only, the public API has no export
      client.get('/export/messages.csv'),
      // @ts-expect-error: /summary takes no `bucket`
      client.get('/summary', { query: { bucket: 'day' } }),
      // @ts-expect-error: the cell is a path parameter
      client.get('/cells/{h3}/messages', { query: { limit: 5 } }),
      // @ts-expect-error: staff only: getStaff, which answers null on the public API
      client.get('/alerts'),
      // @ts-expect-error: both APIs serve /meta: get, which falls back to the public one
      client.getStaff('/meta'),
    ];
    expect(typeof refused).toBe('function');
  });
});
