import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import type { Sql } from '../../src/db/database';
import type { MessageInput } from '../../src/ingest/message-input';
import { upsertMessages } from '../../src/repositories/messages-repository';
import { addUser, seedDistricts, signIn } from '../auth/auth-helpers';
import { testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { openEventStream, type StreamEvent } from './event-stream-reader';

const PASSWORD = 'correct horse battery';
// seedDistricts: Buda is the square west of 19.1, Pest east of it.
const IN_BUDA = { lon: 19.05, lat: 47.55 };
const IN_PEST = { lon: 19.15, lat: 47.55 };

let counter = 0;
function message(
  at: { lon: number; lat: number },
  createdAt: string,
  status: MessageInput['status'] = 'new',
) {
  return {
    source: 'stream-test',
    externalId: `m${counter++}`,
    category: 'Roads',
    title: 'Pothole',
    text: 'A pothole',
    author: null,
    authorUrl: null,
    address: null,
    executor: null,
    url: null,
    status,
    statusRaw: null,
    createdAt: new Date(createdAt),
    answeredAt: null,
    resolvedAt: null,
    ...at,
  } satisfies MessageInput;
}

async function ingest(sql: Sql, ...inputs: MessageInput[]): Promise<void> {
  await sql.begin((tx) => upsertMessages(tx as unknown as Sql, inputs, 'Europe/Budapest'));
}

const changeData = (e: StreamEvent) => JSON.parse(e.data) as { dataVersion: string; days: string[] | null };
const isChange = (e: StreamEvent) => e.event === 'change';

describe.each(BACKENDS)('GET /api/v1/stream on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let base: string;
  const cookie: Record<string, string> = {};
  const open = (login: string | undefined, headers: Record<string, string> = {}) =>
    openEventStream(`${base}/api/v1/stream`, {
      ...headers,
      ...(login && { cookie: cookie[login] as string }),
    });

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await seedDistricts(db.sql);
    await addUser(db.sql, 'buda.clerk', 'municipal', PASSWORD, ['Buda']);
    await addUser(db.sql, 'region', 'regional', PASSWORD);
    app = await buildApp({ db, config: testConfig(), stream: { intervalMs: 50, heartbeatMs: 100 } });
    for (const login of ['buda.clerk', 'region'])
      cookie[login] = (await signIn(app, login, PASSWORD)).cookieHeader;
    base = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('an anonymous caller is refused, as on every staff read', async () => {
    const stream = await open(undefined);
    expect(stream.response.status).toBe(401);
    stream.close();
  });

  test('opens with ready and the current data_version, then sends heartbeats', async () => {
    const stream = await open('region');
    try {
      expect(stream.response.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const ready = await stream.next((e) => e.event === 'ready');
      const meta = await app.inject({ url: '/api/v1/meta', headers: { cookie: cookie.region as string } });
      expect(changeData(ready).dataVersion).toBe(meta.json().dataVersion);
      await stream.next((e) => e.event === 'comment' && e.data === 'heartbeat');
    } finally {
      stream.close();
    }
  });

  test('a write sends its local days, with the new data_version as the event id', async () => {
    const stream = await open('region');
    try {
      await stream.next((e) => e.event === 'ready');
      // 23:30 UTC on 2 March is 3 March in Budapest: the day is the region's local day.
      await ingest(
        db.sql,
        message(IN_PEST, '2025-03-02T23:30:00Z'),
        message(IN_BUDA, '2025-03-05T10:00:00Z'),
      );
      const change = await stream.next(isChange);
      const meta = await app.inject({ url: '/api/v1/meta', headers: { cookie: cookie.region as string } });
      expect(changeData(change)).toEqual({
        dataVersion: meta.json().dataVersion,
        days: ['2025-03-03', '2025-03-05'],
      });
      expect(change.id).toBe(meta.json().dataVersion);
    } finally {
      stream.close();
    }
  });

  test("a municipal caller never hears of another district's writes, and only its own days", async () => {
    const clerk = await open('buda.clerk');
    const region = await open('region');
    try {
      await clerk.next((e) => e.event === 'ready');
      await region.next((e) => e.event === 'ready');
      await ingest(db.sql, message(IN_PEST, '2025-04-01T10:00:00Z'));
      await region.next((e) => isChange(e) && changeData(e).days?.includes('2025-04-01') === true);
      await ingest(
        db.sql,
        message(IN_PEST, '2025-04-02T10:00:00Z'),
        message(IN_BUDA, '2025-04-03T10:00:00Z'),
      );
      await region.next((e) => isChange(e) && changeData(e).days?.includes('2025-04-03') === true);
      const first = await clerk.next(isChange);
      expect(changeData(first).days).toEqual(['2025-04-03']);
      expect(clerk.events.filter(isChange)).toHaveLength(1);
    } finally {
      clerk.close();
      region.close();
    }
  });

  test('a status change is a change of its day', async () => {
    const created = message(IN_BUDA, '2025-05-10T10:00:00Z');
    await ingest(db.sql, created);
    const stream = await open('region');
    try {
      await stream.next((e) => e.event === 'ready');
      await ingest(db.sql, { ...created, status: 'answered', answeredAt: new Date('2025-05-11T10:00:00Z') });
      expect(changeData(await stream.next(isChange)).days).toEqual(['2025-05-10']);
    } finally {
      stream.close();
    }
  });

  test('a stream resumed with Last-Event-ID gets what it missed, once', async () => {
    const first = await open('region');
    const ready = changeData(await first.next((e) => e.event === 'ready'));
    first.close();
    await ingest(db.sql, message(IN_BUDA, '2025-06-01T10:00:00Z'));
    await ingest(db.sql, message(IN_PEST, '2025-06-02T10:00:00Z'));
    const resumed = await open('region', { 'last-event-id': ready.dataVersion });
    try {
      const change = changeData(await resumed.next(isChange));
      expect(change.days).toEqual(['2025-06-01', '2025-06-02']);
      await ingest(db.sql, message(IN_PEST, '2025-06-03T10:00:00Z'));
      const next = changeData(await resumed.next((e) => isChange(e) && e.id !== change.dataVersion));
      expect(next.days).toEqual(['2025-06-03']);
      expect(resumed.events.filter(isChange).flatMap((e) => changeData(e).days)).toEqual([
        '2025-06-01',
        '2025-06-02',
        '2025-06-03',
      ]);
    } finally {
      resumed.close();
    }
  });

  test('a rolled back write sends nothing; a district write says reload everything', async () => {
    const stream = await open('region');
    try {
      await stream.next((e) => e.event === 'ready');
      await db.sql
        .begin(async (tx) => {
          await upsertMessages(
            tx as unknown as Sql,
            [message(IN_BUDA, '2025-07-01T10:00:00Z')],
            'Europe/Budapest',
          );
          throw new Error('rolled back');
        })
        .catch(() => undefined);
      await db.sql`UPDATE districts SET name = name`;
      const change = changeData(await stream.next(isChange));
      expect(change.days).toBeNull();
      expect(stream.events.filter(isChange)).toHaveLength(1);
    } finally {
      stream.close();
    }
  });

  test('signing out ends the stream at the next heartbeat', async () => {
    await addUser(db.sql, `leaver-${backend}`, 'regional', PASSWORD);
    const session = await signIn(app, `leaver-${backend}`, PASSWORD);
    const stream = await openEventStream(`${base}/api/v1/stream`, { cookie: session.cookieHeader });
    await stream.next((e) => e.event === 'ready');
    const out = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie: session.cookieHeader, 'x-csrf-token': session.csrfToken },
    });
    expect(out.statusCode).toBeLessThan(300);
    await stream.finished;
    expect(stream.ended).toBe(true);
  });

  test('a bad Last-Event-ID is a 400', async () => {
    const response = await app.inject({
      url: '/api/v1/stream',
      headers: { cookie: cookie.region as string, 'last-event-id': 'abc' },
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('closing the app with streams open', () => {
  test('ends the streams instead of waiting for them', async () => {
    const db = await createTestDatabase('server', 'empty');
    try {
      await addUser(db.sql, 'region', 'regional', PASSWORD);
      const app = await buildApp({ db, config: testConfig() });
      const { cookieHeader } = await signIn(app, 'region', PASSWORD);
      const base = await app.listen({ host: '127.0.0.1', port: 0 });
      const stream = await openEventStream(`${base}/api/v1/stream`, { cookie: cookieHeader });
      await stream.next((e) => e.event === 'ready');
      await app.close();
      await stream.finished;
      expect(stream.ended).toBe(true);
    } finally {
      await db.close();
    }
  });
});
