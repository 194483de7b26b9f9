import { localDate } from '@heatmap/geo';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import type { Sql } from '../../src/db/database';
import type { MessageInput } from '../../src/ingest/message-input';
import { bringDemoHistoryUpToDate, liveDemoSettings, startLiveDemo } from '../../src/replay/live-demo';
import { listApiKeys } from '../../src/repositories/api-keys-repository';
import { upsertMessages } from '../../src/repositories/messages-repository';
import { rollupMismatches } from '../ingest/rollup-check';
import { testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const TZ = 'Europe/Budapest';
const DAY = 86_400_000;

function message(id: string, createdAt: Date, answeredAfterMs?: number): MessageInput {
  return {
    source: 'archive',
    externalId: id,
    category: 'Roads',
    title: 'Pothole',
    text: null,
    author: 'Anna Kovács',
    authorUrl: null,
    address: 'Fő utca 1',
    executor: null,
    url: null,
    status: answeredAfterMs ? 'answered' : 'new',
    statusRaw: null,
    createdAt,
    answeredAt: answeredAfterMs ? new Date(createdAt.getTime() + answeredAfterMs) : null,
    resolvedAt: null,
    lat: 47.5 + Number(id.slice(1)) / 1000,
    lon: 19.05,
  };
}

describe.each(BACKENDS)('the live demo on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  const now = new Date();
  // An archive that ended 400 days ago, with the year before it.
  const end = new Date(now.getTime() - 400 * DAY);
  const archive = Array.from({ length: 40 }, (_, i) =>
    message(`m${i}`, new Date(end.getTime() - (39 - i) * 9 * DAY), i % 3 === 0 ? 5 * 3_600_000 : undefined),
  );

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await db.sql.begin((tx) => upsertMessages(tx as unknown as Sql, archive, TZ));
    app = await buildApp({ db, config: { ...testConfig(), liveDemo: true } });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('moves old demo history to end yesterday, times to answer and pre-aggregates exact', async () => {
    const answerMinutes = () =>
      db.sql<{ id: string; minutes: number | null }[]>`
        SELECT external_id AS id, extract(epoch FROM answered_at - created_at)::int / 60 AS minutes
        FROM messages ORDER BY external_id`;
    const before = await answerMinutes();
    const moved = await bringDemoHistoryUpToDate(db, TZ, now);
    expect(moved).toBeGreaterThan(398);
    const [last] = await db.sql<{ day: string }[]>`SELECT max(local_day)::text AS day FROM messages`;
    expect(last?.day).toBe(localDate(new Date(now.getTime() - DAY), TZ));
    expect(await answerMinutes()).toEqual(before);
    expect(await rollupMismatches(db.sql)).toEqual([]);
    // A second start the same day moves nothing.
    expect(await bringDemoHistoryUpToDate(db, TZ, now)).toBe(0);
  });

  test('replays the past year through the API as live messages of its own source, then revokes its key', async () => {
    const startedAt = Date.now();
    // 360 days in about a second.
    const demo = await startLiveDemo(db, { url, speed: 360 * 86_400 });
    const live = () =>
      db.sql<{ n: number; oldest: Date | null; authors: number }[]>`
        SELECT count(*)::int AS n, min(created_at) AS oldest, count(author)::int AS authors
        FROM messages m JOIN sources s ON s.id = m.source_id WHERE s.name = 'demo-live'`;
    for (let i = 0; i < 100 && ((await live())[0]?.n ?? 0) < 20; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await demo.stop();
    const [row] = await live();
    expect(row?.n).toBeGreaterThanOrEqual(20);
    // Stamped now, not a year ago; and nobody's name travels with them.
    expect(row?.oldest?.getTime()).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(row?.authors).toBe(0);
    const keys = await listApiKeys(db.sql);
    expect(keys.filter((k) => k.source === 'demo-live').every((k) => k.revokedAt !== null)).toBe(true);
  });

  test('meta says the server is a live demo, to staff and to the public', async () => {
    const publicMeta = await app.inject({ url: '/api/v1/public/meta' });
    expect(publicMeta.json().liveDemo).toBe(true);
  });
});

describe('liveDemoSettings', () => {
  test('on by default at 60x; HEATMAP_DEMO_LIVE=off turns it off; a bad speed is refused', () => {
    expect(liveDemoSettings({})).toEqual({ speed: 60 });
    expect(liveDemoSettings({ HEATMAP_DEMO_LIVE: 'off' })).toBeUndefined();
    expect(liveDemoSettings({ HEATMAP_DEMO_SPEED: '600' })).toEqual({ speed: 600 });
    expect(() => liveDemoSettings({ HEATMAP_DEMO_SPEED: 'fast' })).toThrow(/HEATMAP_DEMO_SPEED/);
  });
});
