import { cellsForPoint, type Resolution } from '@heatmap/geo';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shippedDistrictsFile } from '../../src/cli/generate-command';
import type { Sql } from '../../src/db/database';
import { migrate, readMigrations } from '../../src/db/migrate';
import { loadDistrictsFile } from '../../src/ingest/districts-file';
import type { MessageInput } from '../../src/ingest/message-input';
import { upsertMessages } from '../../src/repositories/messages-repository';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { streetCountMismatches } from './street-check';

const TZ = 'Europe/Budapest';

const ADDRESSES = [
  'VIII. kerület, Józsefváros,  Bródy Sándor u. 13',
  'Bródy Sándor utca 2/b',
  'BRODY SANDOR U. 20',
  'Erzsébet krt. 25-27',
  'Erzsébet körút 3',
  '1052 Budapest',
  null,
  'Váci utca 12/a',
];

function message(i: number, overrides: Partial<MessageInput> = {}): MessageInput {
  return {
    source: 'vk',
    externalId: `m${i}`,
    category: i % 2 ? 'Roads' : 'Lighting',
    title: null,
    text: null,
    author: null,
    authorUrl: null,
    address: ADDRESSES[i % ADDRESSES.length] ?? null,
    executor: null,
    url: null,
    status: 'new',
    statusRaw: null,
    createdAt: new Date('2024-05-01T08:00:00Z'),
    answeredAt: null,
    resolvedAt: null,
    // A few cells at res 8, many at res 10; across the Pest side's districts.
    lat: 47.49 + (i % 7) * 0.0013,
    lon: 19.06 + (i % 5) * 0.0021,
    ...overrides,
  };
}

/** Messages as the code before 0013 stored them (no street columns), straight into the table. */
async function storeAsBefore0013(sql: Sql, inputs: MessageInput[]): Promise<void> {
  await sql`INSERT INTO sources (name) VALUES ('vk')`;
  await sql`INSERT INTO categories (name) VALUES ('Roads'), ('Lighting')`;
  const cells = inputs.map((m) => cellsForPoint(m.lat, m.lon));
  const column = (res: Resolution) => cells.map((c) => BigInt(`0x${c[res]}`).toString());
  await sql`
    INSERT INTO messages (source_id, external_id, category_id, address, status, created_at, local_day, lat, lon,
                          geom, district_id, h3_5, h3_6, h3_7, h3_8, h3_9, h3_10, content_hash)
    SELECT 1, t.id, (SELECT id FROM categories WHERE name = t.category), t.address, 'new', t.created_at,
           (t.created_at AT TIME ZONE ${TZ})::date, t.lat, t.lon, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326),
           (SELECT dp.district_id FROM district_parts dp
             WHERE ST_Intersects(dp.geom, ST_SetSRID(ST_MakePoint(t.lon, t.lat), 4326))
             ORDER BY dp.district_id LIMIT 1),
           t.h3_5, t.h3_6, t.h3_7, t.h3_8, t.h3_9, t.h3_10, 'old'
    FROM unnest(${inputs.map((m) => m.externalId)}::text[], ${inputs.map((m) => m.category)}::text[],
                ${inputs.map((m) => m.address)}::text[], ${inputs.map((m) => m.createdAt.toISOString())}::timestamptz[],
                ${inputs.map((m) => m.lat)}::float8[], ${inputs.map((m) => m.lon)}::float8[],
                ${column(5)}::int8[], ${column(6)}::int8[], ${column(7)}::int8[], ${column(8)}::int8[],
                ${column(9)}::int8[], ${column(10)}::int8[])
      AS t (id, category, address, created_at, lat, lon, h3_5, h3_6, h3_7, h3_8, h3_9, h3_10)`;
}

const write = (db: TestDatabase, inputs: MessageInput[]) =>
  db.sql.begin((tx) => upsertMessages(tx as unknown as Sql, inputs, TZ));

/** Migration 0013's street counts, exact against a recomputation from messages after every kind of write. */
describe.each(BACKENDS)('cell street counts (%s)', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    // Start from the schema before 0013, with messages, so the migration's backfill is tried too.
    await db.sql.unsafe('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await migrate(
      db.sql,
      readMigrations().filter((m) => m.version < 13),
    );
    await loadDistrictsFile(db.sql, shippedDistrictsFile, 'NAME');
    await storeAsBefore0013(
      db.sql,
      Array.from({ length: 60 }, (_, i) => message(i)),
    );
  });
  afterAll(() => db.close());

  test('migration 0013 reads the streets of the messages already stored', async () => {
    expect(await migrate(db.sql)).toContain(13);
    const [unread] = await db.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM messages WHERE street_key IS NULL`;
    expect(unread?.n).toBe(0);
    const [bródy] = await db.sql<{ n: number }[]>`
      SELECT sum(n)::int AS n FROM cell_street_counts WHERE res = 5 AND street_key = 'brody sandor utca'`;
    expect(bródy?.n).toBeGreaterThan(20);
    expect(await streetCountMismatches(db.sql)).toEqual([]);
  });

  test('exact after inserts, a status update, an address update and a delete', async () => {
    await write(
      db,
      Array.from({ length: 40 }, (_, i) => message(100 + i)),
    );
    expect(await streetCountMismatches(db.sql)).toEqual([]);
    await db.sql`UPDATE messages SET status = 'resolved', resolved_at = created_at + interval '1 day'
      WHERE external_id IN ('m1', 'm2', 'm3')`;
    expect(await streetCountMismatches(db.sql)).toEqual([]);
    // A re-send with another address moves the message to another street.
    await write(db, [message(1, { address: 'Váci utca 1' }), message(9, { address: 'Erzsébet tér 2' })]);
    expect(await streetCountMismatches(db.sql)).toEqual([]);
    // And one at another place: another cell and district.
    await write(db, [message(4, { lat: 47.53, lon: 19.02 })]);
    expect(await streetCountMismatches(db.sql)).toEqual([]);
    await db.sql`DELETE FROM messages WHERE external_id IN ('m0', 'm8', 'm16', 'm101')`;
    expect(await streetCountMismatches(db.sql)).toEqual([]);
    const [orphans] = await db.sql<{ n: number }[]>`
      SELECT (SELECT count(*) FROM cell_street_counts WHERE n <= 0)
           + (SELECT count(*) FROM street_spellings WHERE n <= 0) AS n`;
    expect(Number(orphans?.n)).toBe(0);
  });

  test('a rolled back transaction leaves the counts as they were', async () => {
    await db.sql
      .begin(async (tx) => {
        await upsertMessages(tx as unknown as Sql, [message(500), message(501)], TZ);
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await streetCountMismatches(db.sql)).toEqual([]);
  });

  test('the merged spellings of one street share its key; the most written spelling names it', async () => {
    const spellings = await db.sql<{ name: string; n: number }[]>`
      SELECT name, n FROM street_spellings WHERE street_key = 'brody sandor utca' ORDER BY n DESC, name`;
    expect(spellings.map((s) => s.name).sort()).toEqual([
      'BRODY SANDOR U.',
      'Bródy Sándor u.',
      'Bródy Sándor utca',
    ]);
  });
});
