import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readMigrations } from '../../src/db/migrate';
import { buildTestApp, INGEST_TOKEN } from '../routes/app-helper';
import { type CutKind, startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const KINDS: CutKind[] = ['reset', 'close', 'shutdown'];
const ROUNDS = 2;
const BATCH = 20;
/** More than the server test pool's connections (4): each used to be lost to one such cut. */
const RESETS = 6;
/** The CommandComplete message of a COMMIT ('C', length 11, tag): nothing else in a reply matches it. */
const COMMIT_COMPLETE = 'C\u0000\u0000\u0000\u000bCOMMIT\u0000';

function messages(prefix: string) {
  return Array.from({ length: BATCH }, (_, i) => ({
    // The first id is the proxy's marker: it travels in the upsert's parameters, never earlier.
    id: i === 0 ? `${prefix}-first` : `${prefix}-${i}`,
    createdAt: '2024-06-01T10:00:00Z',
    category: 'roads',
    lat: 47.5 + i / 1000,
    lon: 19.05,
  }));
}

/** A database fault is the service being unavailable for a moment: 503, a hint when to retry, no internals. */
function expectUnavailable(response: LightMyRequestResponse) {
  expect(response.statusCode, response.body).toBe(503);
  expect(response.headers['retry-after']).toMatch(/^\d+$/);
  expect(response.json()).toEqual({
    statusCode: 503,
    error: 'Service Unavailable',
    message: 'The database is unreachable for the moment; try again shortly',
  });
}

describe.each(BACKENDS)('database connection faults on %s', (backend) => {
  let proxy: TcpProxy;
  let db: TestDatabase;
  let app: FastifyInstance;
  // A fault in the driver used to surface outside any request, as an uncaught exception that ended the process.
  const escaped: unknown[] = [];
  const onEscape = (error: unknown) => escaped.push(error);

  beforeAll(async () => {
    process.on('uncaughtException', onEscape);
    process.on('unhandledRejection', onEscape);
    db = await createTestDatabase(backend, 'empty', {
      route: async (target) => {
        proxy = await startTcpProxy(target);
        return proxy;
      },
    });
    app = await buildTestApp(db);
  });
  // Checked after every test, whatever failed inside it: the process must have survived every fault.
  afterEach(() => {
    expect(escaped.map((e) => (e instanceof Error ? e.stack : String(e)))).toEqual([]);
  });
  afterAll(async () => {
    await app?.close();
    // The proxy first: PGlite's socket server handles its connections' close while it is still open.
    await proxy?.close();
    await db?.close();
    process.off('uncaughtException', onEscape);
    process.off('unhandledRejection', onEscape);
  });

  const ingest = (prefix: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      payload: messages(prefix),
      headers: { authorization: `Bearer ${INGEST_TOKEN}` },
    });
  const stored = async (prefix: string) => {
    const [row] = await db.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM messages WHERE external_id LIKE ${`${prefix}-%`}`;
    return row?.n;
  };

  test.each(KINDS)(
    'an ingest cut before its rows arrive (%s) gets 503, writes nothing, and the re-send lands',
    async (kind) => {
      for (let round = 0; round < ROUNDS; round++) {
        const prefix = `early-${kind}-${round}`;
        const cut = proxy.cutOnQuery(`${prefix}-first`, kind);
        expectUnavailable(await ingest(prefix));
        await cut;
        expect(await stored(prefix)).toBe(0);
        const resent = await ingest(prefix);
        expect(resent.statusCode, resent.body).toBe(200);
        expect(resent.json()).toMatchObject({ inserted: BATCH, updated: 0, unchanged: 0 });
        expect(await stored(prefix)).toBe(BATCH);
      }
    },
  );

  test.each(KINDS)(
    'an ingest whose COMMIT reply is cut (%s) gets 503, landed whole, and the re-send changes nothing',
    async (kind) => {
      for (let round = 0; round < ROUNDS; round++) {
        const prefix = `late-${kind}-${round}`;
        const cut = proxy.cutOnReply(COMMIT_COMPLETE, kind);
        expectUnavailable(await ingest(prefix));
        await cut;
        expect(await stored(prefix)).toBe(BATCH);
        const resent = await ingest(prefix);
        expect(resent.statusCode, resent.body).toBe(200);
        expect(resent.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: BATCH });
      }
    },
  );

  test.each(KINDS)('a read cut mid-query (%s) gets 503 and the next read answers', async (kind) => {
    for (let round = 0; round < ROUNDS; round++) {
      // The category name is the marker: it travels in the read's parameters.
      const url = `/api/v1/hexagons?res=8&category=read-${kind}-${round}`;
      const cut = proxy.cutOnQuery(`read-${kind}-${round}`, kind);
      expectUnavailable(await app.inject({ url }));
      await cut;
      const again = await app.inject({ url });
      expect(again.statusCode, again.body).toBe(200);
      expect(again.json()).toMatchObject({ cells: [], total: 0 });
    }
  });

  test('ingests reset on a connection that has run one before leave the pool usable', async () => {
    // There the transaction's ROLLBACK goes straight to the failing connection and used to outlive its
    // socket: the reconnected connection then waited forever; a server pool lost one connection a cut.
    for (let round = 0; round < RESETS; round++) {
      const warm = await ingest(`warm-${round}`);
      expect(warm.statusCode, warm.body).toBe(200);
      const cut = proxy.cutOnQuery(`again-${round}-first`, 'reset');
      expectUnavailable(await ingest(`again-${round}`));
      await cut;
    }
    const read = await app.inject({ url: '/api/v1/hexagons?res=8&category=after-resets' });
    expect(read.statusCode, read.body).toBe(200);
  });

  // Anonymous: a session lookup would fail first, and /readyz must answer for itself.
  const readyz = () => app.inject({ url: '/readyz', headers: { cookie: '' } });
  const unreachable = { status: 'unavailable', reason: 'database unreachable' };

  test('while the database is down /readyz says it is unreachable; back up, ready', async () => {
    await proxy.down();
    try {
      const down = await readyz();
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual(unreachable);
    } finally {
      await proxy.up();
    }
    expect((await readyz()).json()).toEqual({ status: 'ready' });
  });

  test('a readiness check cut between its two queries says unreachable, not "migrations pending"', async () => {
    // The reply to `SELECT version FROM schema_migrations` ends with the tag `SELECT <rows>`.
    const tag = `SELECT ${readMigrations().length}\u0000`;
    for (const kind of KINDS) {
      const cut = proxy.cutOnReply(tag, kind);
      const response = await readyz();
      await cut;
      expect(response.statusCode).toBe(503);
      expect(response.json()).toEqual(unreachable);
      expect((await readyz()).json()).toEqual({ status: 'ready' });
    }
  });
});
