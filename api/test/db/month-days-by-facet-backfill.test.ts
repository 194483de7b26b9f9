import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrate, readMigrations } from '../../src/db/migrate';
import { rollupMismatches } from '../ingest/rollup-check';
import { storeGenerated } from '../support/store-generated';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const TZ = 'Europe/Budapest';

/** Migration 0019 adds the month rows of days by source and by status to a database that already holds messages. */
describe.each(BACKENDS)('migration 0019 on a database with messages (%s)', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
  });
  afterAll(() => db.close());

  test('backfills the month rows of days by source and by status exactly, and later writes keep them exact', async () => {
    // createTestDatabase migrated everything: start again from the schema before 0019.
    await db.sql.unsafe('DROP SCHEMA public CASCADE; CREATE SCHEMA public');
    await migrate(
      db.sql,
      readMigrations().filter((m) => m.version < 19),
    );
    const window = { from: '2024-11-01T00:00:00Z', to: '2025-03-01T00:00:00Z', timezone: TZ };
    await storeGenerated(db, { count: 3_000, seed: 5, ...window });
    await db.sql`UPDATE messages SET status = 'resolved', resolved_at = created_at + interval '1 day'
      WHERE id IN (SELECT id FROM messages WHERE status <> 'resolved' ORDER BY id LIMIT 50)`;
    expect(await migrate(db.sql)).toContain(19);
    for (const table of ['cell_month_days_by_source', 'cell_month_days_by_status']) {
      // Category 0 counts every message once per resolution.
      const [row] = await db.sql<{ n: number }[]>`
        SELECT sum(d)::int AS n FROM ${db.sql(table)}, unnest(days) AS d WHERE res = 8 AND category_id = 0`;
      expect(row?.n, table).toBe(3_000);
    }
    expect(await rollupMismatches(db.sql)).toEqual([]);
    await storeGenerated(db, { count: 500, seed: 6, ...window });
    await db.sql`DELETE FROM messages WHERE id IN (SELECT id FROM messages ORDER BY id DESC LIMIT 30)`;
    expect(await rollupMismatches(db.sql)).toEqual([]);
  });
});
