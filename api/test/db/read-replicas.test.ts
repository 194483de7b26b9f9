import type { FastifyInstance } from 'fastify';
import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { type Database, openDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { IDENTITY_MAPPING } from '../../src/ingest/field-mapping';
import { ingestRecords } from '../../src/ingest/ingest-records';
import { addUser, signIn } from '../auth/auth-helpers';
import { openEventStream } from '../live/event-stream-reader';
import { buildTestApp, INGEST_TOKEN, testConfig } from '../routes/app-helper';
import {
  type ReplicaCluster,
  replicaClusterAvailable,
  startReplicaCluster,
} from '../support/replica-cluster';

// Replicas exist only on the server backend: the embedded one refuses them (database-config.test.ts).
describe.runIf(replicaClusterAvailable())('a primary with a streaming replica', () => {
  let cluster: ReplicaCluster;
  let db: Database;
  let app: FastifyInstance;
  let replica: postgres.Sql;
  let next = 0;

  beforeAll(async () => {
    cluster = await startReplicaCluster();
    db = await openDatabase({
      url: cluster.primaryUrl,
      topology: { readUrls: [cluster.replicaUrl], poolMode: 'session' },
    });
    await migrate(db.sql);
    app = await buildTestApp(db);
    replica = cluster.replicaAdmin();
    await waitForReplica(true);
  });
  afterAll(async () => {
    await replica?.end();
    await app?.close();
    await db?.close();
    await cluster?.close();
  });

  const messages = (n: number) =>
    Array.from({ length: n }, () => ({
      id: `r${next++}`,
      createdAt: '2025-06-01T10:00:00Z',
      category: 'roads',
      lat: 47.5,
      lon: 19.05,
    }));
  const count = async () => {
    const response = await app.inject({ url: '/api/v1/summary' });
    expect(response.statusCode, response.body).toBe(200);
    return { count: response.json().count as number, etag: response.headers.etag as string };
  };
  const dataVersion = async (sql: postgres.Sql) => {
    const [row] = await sql<{ value: string }[]>`SELECT value FROM app_settings WHERE key = 'data_version'`;
    return row?.value;
  };
  /** Until the replica has replayed everything the primary has written (paused: never). */
  const caughtUp = async () => {
    for (;;) {
      if ((await dataVersion(replica)) === (await dataVersion(db.sql as unknown as postgres.Sql))) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  const readyz = async () => (await app.inject({ url: '/readyz', headers: { cookie: '' } })).json();
  const replicaStatus = async () =>
    (await readyz()).databases.find((d: { role: string }) => d.role === 'replica').status as string;
  const waitForReplica = async (ok: boolean) => {
    while ((await replicaStatus()) !== (ok ? 'ok' : 'unreachable')) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  /** Writes on the primary from outside this process: nothing tells the app's router about it. */
  const writeElsewhere = (n: number) =>
    ingestRecords(
      db.sql,
      messages(n).map((record) => ({ record })),
      {
        mapping: IDENTITY_MAPPING,
        source: 'elsewhere',
        timezone: 'Europe/Budapest',
      },
    );

  test('reads come from the replica, with the data_version it holds in the ETag', async () => {
    await writeElsewhere(2);
    await caughtUp();
    const before = await count();
    await replica`SELECT pg_wal_replay_pause()`;
    try {
      await writeElsewhere(3);
      const frozen = await count();
      // The primary has 3 more; the answer and its ETag are the replica's, both from before the write.
      expect(frozen.count).toBe(before.count);
      expect(frozen.etag).toBe(before.etag);
      expect(frozen.etag.startsWith(`"${await dataVersion(replica)}-`)).toBe(true);
    } finally {
      await replica`SELECT pg_wal_replay_resume()`;
    }
    await caughtUp();
    const after = await count();
    expect(after.count).toBe(before.count + 3);
    expect(after.etag.startsWith(`"${await dataVersion(db.sql as unknown as postgres.Sql)}-`)).toBe(true);
  });

  test('a read right after an ingest through the app sees it, though the replica has not replayed it', async () => {
    await caughtUp();
    const before = await count();
    await replica`SELECT pg_wal_replay_pause()`;
    try {
      const ingest = await app.inject({
        method: 'POST',
        url: '/api/v1/messages',
        headers: { authorization: `Bearer ${INGEST_TOKEN}` },
        payload: messages(4),
      });
      expect(ingest.statusCode, ingest.body).toBe(200);
      expect((await count()).count).toBe(before.count + 4);
      expect(await dataVersion(replica)).not.toBe(await dataVersion(db.sql as unknown as postgres.Sql));
    } finally {
      await replica`SELECT pg_wal_replay_resume()`;
    }
  });

  test('a client never goes back to older data than its ETag names', async () => {
    await caughtUp();
    await replica`SELECT pg_wal_replay_pause()`;
    try {
      await writeElsewhere(1);
      const stale = await count();
      // A client that saw the newer version elsewhere (another API process reading the primary).
      const newer = `"${await dataVersion(db.sql as unknown as postgres.Sql)}-00000000-x"`;
      const response = await app.inject({ url: '/api/v1/summary', headers: { 'if-none-match': newer } });
      expect(response.json().count).toBe(stale.count + 1);
    } finally {
      await replica`SELECT pg_wal_replay_resume()`;
    }
  });

  test('once the stream has announced a change, reads show it, though the replica has not replayed it', async () => {
    const streaming = await buildApp({ db, config: testConfig(), stream: { intervalMs: 50 } });
    try {
      const base = await streaming.listen({ host: '127.0.0.1', port: 0 });
      await addUser(db.sql, 'watcher', 'regional', 'watcher password');
      const { cookieHeader } = await signIn(streaming, 'watcher', 'watcher password');
      const stream = await openEventStream(`${base}/api/v1/stream`, { cookie: cookieHeader });
      try {
        await stream.next((e) => e.event === 'ready');
        await caughtUp();
        const summary = async () =>
          (await streaming.inject({ url: '/api/v1/summary', headers: { cookie: cookieHeader } })).json()
            .count as number;
        const before = await summary();
        await replica`SELECT pg_wal_replay_pause()`;
        try {
          await writeElsewhere(1);
          const change = await stream.next((e) => e.event === 'change');
          expect(JSON.parse(change.data).dataVersion).toBe(
            await dataVersion(db.sql as unknown as postgres.Sql),
          );
          expect(await summary()).toBe(before + 1);
        } finally {
          await replica`SELECT pg_wal_replay_resume()`;
        }
      } finally {
        stream.close();
      }
    } finally {
      await streaming.close();
    }
  });

  test('a read that replay cancels on the replica (conflict with recovery, 40001) runs again on the primary', async () => {
    await caughtUp();
    const read = db.read as Database['sql'];
    const answeredBy = await app.reads.run(async () => {
      const [row] = await read<{ standby: boolean }[]>`SELECT pg_is_in_recovery() AS standby`;
      if (row?.standby) {
        // What PostgreSQL raises when replay must cancel a query (max_standby_streaming_delay).
        throw Object.assign(new Error('canceling statement due to conflict with recovery'), {
          code: '40001',
        });
      }
      return 'primary';
    });
    expect(answeredBy).toBe('primary');
    expect(await replicaStatus()).toBe('ok');
  });

  test('a replica stopped mid-run: reads answer from the primary, /readyz says so; restarted, it is used again', async () => {
    await caughtUp();
    cluster.stopReplica();
    const started = Date.now();
    await writeElsewhere(1);
    const fromPrimary = await count();
    console.info(`first read after the replica stopped: ${Date.now() - started} ms`);
    expect(fromPrimary.count).toBe(Number((await db.sql`SELECT count(*)::int AS n FROM messages`)[0]?.n));
    const down = await readyz();
    expect(down.status).toBe('ready');
    expect(down.databases).toEqual([
      { role: 'primary', status: 'ok' },
      expect.objectContaining({ role: 'replica', status: 'unreachable' }),
    ]);

    cluster.startReplica();
    await replica.end();
    replica = cluster.replicaAdmin();
    await waitForReplica(true);
    await caughtUp();
    const back = await count();
    await replica`SELECT pg_wal_replay_pause()`;
    try {
      await writeElsewhere(2);
      // Answered by the replica again: the write it has not replayed is not there.
      expect((await count()).count).toBe(back.count);
    } finally {
      await replica`SELECT pg_wal_replay_resume()`;
    }
    expect((await readyz()).databases[1]).toMatchObject({ status: 'ok', lagSeconds: expect.any(Number) });
  });

  describe('through PgBouncer in transaction pooling mode, prepared statements off', () => {
    let pooled: Database;
    let pooledApp: FastifyInstance;

    beforeAll(async () => {
      pooled = await openDatabase({
        url: cluster.bouncerUrl,
        topology: { readUrls: [], poolMode: 'transaction' },
        max: 6,
      });
      // Signing in takes advisory locks (transaction-scoped) and writes a session through the pooler.
      pooledApp = await buildTestApp(pooled);
    });
    afterAll(async () => {
      await pooledApp?.close();
      await pooled?.close();
    });

    test('ingest (its ON COMMIT temp tables), sign-in, the map, drill-down, export and /readyz all answer', async () => {
      // Migrations take no session lock and run each in one transaction: through the pooler too.
      expect(await migrate(pooled.sql)).toEqual([]);
      for (let round = 0; round < 3; round++) {
        const ingest = await pooledApp.inject({
          method: 'POST',
          url: '/api/v1/messages',
          headers: { authorization: `Bearer ${INGEST_TOKEN}` },
          payload: messages(5),
        });
        expect(ingest.statusCode, ingest.body).toBe(200);
        expect(ingest.json()).toMatchObject({ inserted: 5 });
        const hexagons = await pooledApp.inject({ url: '/api/v1/hexagons?res=8' });
        expect(hexagons.statusCode, hexagons.body).toBe(200);
        const cell = hexagons.json().cells[0].h3 as string;
        // At once, so that the pool's connections take turns on PgBouncer's few server connections.
        const urls = [
          '/api/v1/summary',
          '/api/v1/timeline?res=8&bucket=day',
          '/api/v1/districts',
          '/api/v1/meta',
          `/api/v1/cells/${cell}/messages`,
          '/api/v1/export/messages.csv',
          '/api/v1/hotspots?res=8',
        ];
        const answers = await Promise.all(urls.map((url) => pooledApp.inject({ url })));
        for (const [i, answer] of answers.entries())
          expect(answer.statusCode, `${urls[i]}: ${answer.body}`).toBe(200);
        const anonymous = { cookie: '' };
        const publicMap = await pooledApp.inject({ url: '/api/v1/public/hexagons', headers: anonymous });
        expect(publicMap.statusCode, publicMap.body).toBe(200);
        expect((await pooledApp.inject({ url: '/readyz', headers: anonymous })).json()).toEqual({
          status: 'ready',
        });
      }
      const [row] = await pooled.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM messages`;
      expect(row?.n).toBeGreaterThanOrEqual(15);
    });
  });
});
