import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type Migration,
  MigrationChecksumError,
  migrate,
  migrationChecksum,
  readMigrations,
} from '../../src/db/migrate';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

function migration(version: number, name: string, sql: string): Migration {
  return { version, name, file: `${version}.do.${name}.sql`, sql, checksum: migrationChecksum(sql) };
}

/** The files on disk with one of them edited, as a later commit would have done. */
function edited(version: number): Migration[] {
  return readMigrations().map((m) =>
    m.version === version
      ? { ...m, sql: `${m.sql}\n-- edited`, checksum: migrationChecksum(`${m.sql}\n-- edited`) }
      : m,
  );
}

describe.each(BACKENDS)('migration checksums on %s', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
  });
  afterAll(async () => {
    await db?.close();
  });

  const recorded = async () =>
    Object.fromEntries(
      (
        await db.sql<{ version: number; checksum: string | null }[]>`
        SELECT version, checksum FROM schema_migrations ORDER BY version`
      ).map((r) => [r.version, r.checksum]),
    );

  test('every applied migration records the checksum of its file', async () => {
    expect(await recorded()).toEqual(
      Object.fromEntries(readMigrations().map((m) => [m.version, m.checksum])),
    );
  });

  test('a changed applied migration stops migrate before anything runs, naming the file', async () => {
    const pending = migration(9001, 'never-applied', 'CREATE TABLE never_applied (id int)');
    const run = migrate(db.sql, [...edited(1), pending]);
    await expect(run).rejects.toThrow(MigrationChecksumError);
    await expect(run).rejects.toThrow(/^migration 0001\.do\.create-schema\.sql changed after it was applied/);
    const [table] = await db.sql<
      { exists: boolean }[]
    >`SELECT to_regclass('never_applied') IS NOT NULL AS exists`;
    expect(table?.exists).toBe(false);
  });

  test('rows applied before checksums existed get the file checksum on the first run; later edits are caught', async () => {
    await db.sql`ALTER TABLE schema_migrations DROP COLUMN checksum`;
    expect(await migrate(db.sql)).toEqual([]);
    expect(await recorded()).toEqual(
      Object.fromEntries(readMigrations().map((m) => [m.version, m.checksum])),
    );
    await expect(migrate(db.sql, edited(3))).rejects.toThrow(/0003\.do\.rollups-at-commit\.sql/);
  });

  test('a new migration is applied with its checksum; a second run applies nothing', async () => {
    const added = migration(9002, 'added', 'CREATE TABLE checksum_probe (id int)');
    expect(await migrate(db.sql, [...readMigrations(), added])).toEqual([9002]);
    expect((await recorded())[9002]).toBe(added.checksum);
    expect(await migrate(db.sql, [...readMigrations(), added])).toEqual([]);
  });
});
