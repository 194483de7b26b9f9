import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IDENTITY_MAPPING } from '../../src/ingest/field-mapping';
import { ingestRecords } from '../../src/ingest/ingest-records';
import { apikey } from '../auth/apikey-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp, INGEST_TOKEN } from './app-helper';

const TZ = 'Europe/Budapest';

function message(id: string, overrides: Record<string, unknown> = {}) {
  return { id, createdAt: '2024-06-01T10:00:00Z', category: 'roads', lat: 47.5, lon: 19.05, ...overrides };
}

describe.each(BACKENDS)('ingest writes only its own source, on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const post = (payload: object, secret: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/messages',
      payload,
      headers: { authorization: `Bearer ${secret}` },
    });
  const stored = async (source: string, id: string) =>
    (
      await db.sql<{ author: string | null; lat: number; category: string }[]>`
        SELECT m.author, m.lat, c.name AS category FROM messages m
        JOIN sources s ON s.id = m.source_id JOIN categories c ON c.id = m.category_id
        WHERE s.name = ${source} AND m.external_id = ${id}`
    )[0];

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    app = await buildTestApp(db, { signedIn: false });
    // A Járókelő report as the file import stores it.
    await ingestRecords(
      db.sql,
      [{ line: 1, record: message('4242', { source: 'jarokelo', author: 'Kovács Anna', lat: 47.49 }) }],
      { mapping: IDENTITY_MAPPING, timezone: TZ },
    );
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('the shared token cannot overwrite another source: the row is rejected with a reason, the report untouched', async () => {
    const response = await post(
      [message('4242', { source: 'jarokelo', author: null, lat: 47.51, category: 'moved' })],
      INGEST_TOKEN,
    );
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 0,
      rejected: [
        {
          index: 0,
          reason: `source "jarokelo" is not this writer's source "api"; a key writes only its own source`,
        },
      ],
    });
    expect(await stored('jarokelo', '4242')).toEqual({
      author: 'Kovács Anna',
      lat: 47.49,
      category: 'roads',
    });
  });

  test('a key added on the command line writes its source; records naming another are rejected; list shows it', async () => {
    const added = await apikey(db, ['add', '--source', 'city-app', '--label', 'mobile app']);
    expect(added.code).toBe(0);
    const key = /^(hmk_[A-Za-z0-9_-]{43})$/m.exec(added.out)?.[1] as string;
    expect(key).toBeDefined();
    const [row] = await db.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM api_keys WHERE key_hash = ${key} OR key_hash LIKE ${`%${key.slice(4, 20)}%`}`;
    expect(row?.n, 'only a hash of the key is stored').toBe(0);

    const response = await post(
      [
        message('c1'),
        message('c2', { source: 'city-app' }),
        message('4242', { source: 'jarokelo', author: null }),
        message('c3', { source: 'api' }),
      ],
      key,
    );
    expect(response.json()).toMatchObject({
      inserted: 2,
      rejected: [
        {
          index: 2,
          reason: expect.stringMatching(/^source "jarokelo" is not this writer's source "city-app"/),
        },
        { index: 3, reason: expect.stringMatching(/^source "api" is not this writer's source "city-app"/) },
      ],
    });
    expect(await stored('city-app', 'c1')).toBeDefined();
    expect(await stored('city-app', 'c2')).toBeDefined();
    expect(await stored('jarokelo', '4242')).toMatchObject({ author: 'Kovács Anna' });

    const listed = await apikey(db, ['list']);
    expect(listed.out).toMatch(/^ID\s+NAME\s+SCOPE\s+SOURCE\s+DISTRICTS\s+CREATED\s+STATE\s+LABEL$/m);
    expect(listed.out).toMatch(/^1\s+city-app\s+write\s+city-app\s+\d{4}-\d\d-\d\d\s+active\s+mobile app$/m);
    expect(listed.out).not.toContain(key);
  });

  test('a revoked key, an unknown key and a key-shaped guess get 401 and write nothing', async () => {
    const added = await apikey(db, ['add', '--source', 'short-lived']);
    const key = /^(hmk_\S+)$/m.exec(added.out)?.[1] as string;
    expect((await post([message('s1')], key)).statusCode).toBe(200);
    const id = /\(id (\d+),/.exec(added.out)?.[1] as string;
    expect(await apikey(db, ['revoke', '--id', id])).toMatchObject({ code: 0 });
    expect(await apikey(db, ['revoke', '--id', id])).toMatchObject({ code: 1 });
    for (const secret of [key, `hmk_${'A'.repeat(43)}`, 'hmk_', `${key}x`]) {
      const response = await post([message('s2')], secret);
      expect(response.statusCode, secret).toBe(401);
    }
    expect(await stored('short-lived', 's2')).toBeUndefined();
    expect((await apikey(db, ['list'])).out).toMatch(/short-lived\s+\S+\s+revoked \d{4}-\d\d-\d\d/);
  });

  test('apikey add without --source is a usage error', async () => {
    expect(await apikey(db, ['add'])).toMatchObject({ code: 2, err: expect.stringMatching(/--source/) });
    expect(await apikey(db, ['add', '--source', 'x'.repeat(101)])).toMatchObject({ code: 2 });
  });
});
