import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { IDENTITY_MAPPING } from '../../src/ingest/field-mapping';
import { ingestRecords } from '../../src/ingest/ingest-records';
import { addKey } from '../auth/apikey-helper';
import { testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { get } from './open311-fixture';

/** GeoReport v2: a search answers at most 1000 requests, the newest. */
describe.each(BACKENDS)('Open311 search limit on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let key: string;
  const newest = Date.now() - 3_600_000;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    const records = Array.from({ length: 1005 }, (_, i) => ({
      index: i,
      record: {
        id: `m${i}`,
        createdAt: new Date(newest - i * 60_000).toISOString(),
        category: 'Roads',
        lat: 47.5,
        lon: 19.05,
      },
    }));
    await ingestRecords(db.sql, records, { mapping: IDENTITY_MAPPING, timezone: 'Europe/Budapest' });
    app = await buildApp({ db, config: testConfig() });
    key = await addKey(db, ['--name', 'reader', '--scope', 'read']);
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('1005 requests in the window: the 1000 newest, newest first', async () => {
    const found = (await get(app, `/open311/v2/requests.json?api_key=${key}`)).json() as {
      requested_datetime: string;
    }[];
    expect(found).toHaveLength(1000);
    const times = found.map((r) => Date.parse(r.requested_datetime));
    expect(times[0]).toBe(Math.floor(newest / 1000) * 1000);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect((await get(app, '/open311/v2/requests.json')).json().length).toBeLessThanOrEqual(1000);
  });
});
