import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shippedDistrictsFile } from '../../src/cli/generate-command';
import { migrate, readMigrations } from '../../src/db/migrate';
import { generateMessages } from '../../src/generate/synthetic-messages';
import { loadDistrictsFile, readDistrictsFile } from '../../src/ingest/districts-file';
import { upsertGenerated } from '../../src/ingest/upsert-generated';
import { rollupMismatches } from '../ingest/rollup-check';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const TZ = 'Europe/Budapest';

/** Migration 0012 adds the source and status pre-aggregates to a database that already holds messages. */
describe.each(BACKENDS)('migration 0012 on a database with messages (%s)', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
  });
  afterAll(() => db.close());

  test('backfills the source and status pre-aggregates exactly, and later writes keep them exact', async () => {
    // createTestDatabase migrated everything: start again from the schema before 0012.
    await db.sql.unsafe('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await migrate(
      db.sql,
      readMigrations().filter((m) => m.version < 12),
    );
    await loadDistrictsFile(db.sql, shippedDistrictsFile, 'NAME');
    const districts = await readDistrictsFile(shippedDistrictsFile, 'NAME');
    const generated = (count: number, seed: number) =>
      generateMessages({
        count,
        seed,
        districts,
        from: new Date('2024-11-01T00:00:00Z'),
        to: new Date('2025-03-01T00:00:00Z'),
        timezone: TZ,
      });
    // Today's ingester also writes the street columns of 0013: lend them for the write, then take them
    // away, so the messages stand as an app before 0012 stored them.
    await db.sql`ALTER TABLE messages ADD COLUMN street text, ADD COLUMN street_key text`;
    await upsertGenerated(db, generated(3_000, 3), TZ);
    await db.sql`ALTER TABLE messages DROP COLUMN street, DROP COLUMN street_key`;
    expect(await migrate(db.sql)).toContain(12);
    const [rows] = await db.sql<{ n: number }[]>`
      SELECT sum(n)::int AS n FROM cell_year_source_status_rollup WHERE res = 8`;
    expect(rows?.n).toBe(3_000);
    expect(await rollupMismatches(db.sql)).toEqual([]);
    await upsertGenerated(db, generated(500, 4), TZ);
    expect(await rollupMismatches(db.sql)).toEqual([]);
  });
});
