import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { buildTestApp, INGEST_TOKEN } from './app-helper';

const auth = { authorization: `Bearer ${INGEST_TOKEN}` };
const DAY_MS = 86_400_000;

function message(id: string, overrides: Record<string, unknown> = {}) {
  return { id, createdAt: '2024-06-01T10:00:00Z', category: 'roads', lat: 47.5, lon: 19.05, ...overrides };
}

describe.each(BACKENDS)('implausible dates on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  const post = (payload: unknown) =>
    app.inject({ method: 'POST', url: '/api/v1/messages', payload: payload as object, headers: auth });

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    app = await buildTestApp(db);
    // Enough messages for the public map to show its extent (below its minimum count it withholds it).
    const june = Array.from({ length: 12 }, (_, i) => message(`good-${i + 3}`, { lat: 47.5 + i / 1000 }));
    const posted = await post([message('good-1'), message('good-2', { createdAt: '2024-07-01' }), ...june]);
    expect(posted.json()).toMatchObject({ inserted: 14, rejected: [] });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('ingest rejects creation dates before 1990 or after tomorrow, and answers after tomorrow, each with a reason', async () => {
    const tomorrowPlus = new Date(Date.now() + 2 * DAY_MS).toISOString();
    const response = await post([
      message('far-future', { createdAt: '9999-12-31' }),
      message('typo-year', { createdAt: '2205-03-01T10:00:00Z' }),
      message('too-old', { createdAt: '1989-12-31T10:00:00Z' }),
      message('day-after-tomorrow', { createdAt: tomorrowPlus }),
      message('answer-future', { answeredAt: '2205-03-01T10:00:00Z' }),
      message('epoch-ms', { createdAt: 253402214400000 }),
      message('fine', { createdAt: '2024-06-02T00:00:00Z' }),
    ]);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.inserted).toBe(1);
    expect(report.rejected.map((r: { index: number }) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const r of report.rejected) expect(r.reason).toMatch(/between 1990-01-01 and/);
    const [row] = await db.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM messages WHERE created_at < '1990-01-01' OR created_at > now() + interval '1 day'`;
    expect(row?.n).toBe(0);
  });

  test.each([
    'from=0000-01-01',
    'from=1969-12-31',
    'to=2101-01-01',
    'from=9999-12-31',
    'to=0001-01-01T00:00:00Z',
  ])('query %s: 400 on every filtered endpoint, never a 500', async (query) => {
    for (const path of [
      '/api/v1/hexagons?res=8&',
      '/api/v1/timeline?res=8&',
      '/api/v1/summary?',
      '/api/v1/districts?',
      '/api/v1/export/messages.csv?',
      '/api/v1/public/hexagons?res=8&',
      '/api/v1/public/timeline?res=8&',
      '/api/v1/public/summary?',
    ]) {
      const response = await app.inject({ url: `${path}${query}` });
      expect(response.statusCode, `${path}${query}: ${response.body.slice(0, 200)}`).toBe(400);
      expect(response.json().message).toMatch(/"(from|to)"/);
    }
  });

  test('rows already stored with an absurd date (from before this check) break neither meta nor the default timelines', async () => {
    // As an older version could store them: straight into the table, past today's ingest checks.
    await db.sql`
      INSERT INTO messages (source_id, external_id, category_id, status, created_at, local_day, lat, lon, geom,
                            h3_5, h3_6, h3_7, h3_8, h3_9, h3_10, content_hash)
      SELECT source_id, external_id || '-' || y, category_id, status, make_timestamptz(y, 12, 31, 12, 0, 0, 'UTC'),
             make_date(y, 12, 31), lat, lon, geom, h3_5, h3_6, h3_7, h3_8, h3_9, h3_10, content_hash
      FROM messages, unnest(ARRAY[9999, 10000, 2205, 1001]) AS y WHERE external_id = 'good-1'`;
    for (const url of [
      '/api/v1/meta',
      '/api/v1/public/meta',
      '/api/v1/timeline?res=8',
      '/api/v1/timeline?res=8&bucket=day',
      '/api/v1/public/timeline?res=8',
      '/api/v1/hexagons?res=8',
      '/api/v1/summary',
    ]) {
      const response = await app.inject({ url });
      expect(response.statusCode, `${url}: ${response.body.slice(0, 300)}`).toBe(200);
    }
    const meta = (await app.inject({ url: '/api/v1/meta' })).json();
    expect(meta.extent.from).toBe('2024-06-01T10:00:00.000Z');
    expect(meta.extent.to).toBe('2024-06-30T22:00:00.000Z');
    const publicMeta = (await app.inject({ url: '/api/v1/public/meta' })).json();
    expect(publicMeta.extent).toMatchObject({ from: '2024-06-01', to: '2024-07-01' });
  });
});
