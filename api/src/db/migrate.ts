import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { backfillStreets } from '../repositories/street-backfill';
import type { Sql } from './database';

export const migrationsDir = new URL('../../../migrations/', import.meta.url).pathname;

export interface Migration {
  version: number;
  name: string;
  /** The file name, `NNNN.do.name.sql`: what an error names. */
  file: string;
  sql: string;
  /** migrationChecksum(sql): recorded when applied, compared on every later run. */
  checksum: string;
}

/** A migration changed after it was applied: the database never received the change. */
export class MigrationChecksumError extends Error {
  constructor(readonly files: string[]) {
    super(
      `${files.length === 1 ? 'migration' : 'migrations'} ${files.join(', ')} changed after ${
        files.length === 1 ? 'it was' : 'they were'
      } applied to this database. Applied migrations are history: restore ${
        files.length === 1 ? 'the file' : 'the files'
      } (git checkout) and make the change in a new migration file`,
    );
    this.name = 'MigrationChecksumError';
  }
}

/** sha256 of a migration's text; line endings are normalised, so a CRLF checkout is the same file. */
export function migrationChecksum(sql: string): string {
  return createHash('sha256').update(sql.replace(/\r\n/g, '\n')).digest('hex');
}

/** The `NNNN.do.name.sql` files in order; `undo` files are for humans rolling back by hand. */
export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .map((file) => /^(\d{4})\.do\.(.+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => {
      const sql = readFileSync(join(dir, m[0]), 'utf8');
      return {
        version: Number(m[1]),
        name: m[2] as string,
        file: m[0],
        sql,
        checksum: migrationChecksum(sql),
      };
    })
    .sort((a, b) => a.version - b.version);
}

interface Applied {
  version: number;
  checksum: string | null;
}

/**
 * Applies pending migrations, each in its own transaction, then reads the streets of messages stored before
 * 0013 (backfillStreets); returns the versions applied. Refuses
 * (MigrationChecksumError, before applying anything) when an applied migration's file no longer
 * matches the checksum recorded when it ran, as Flyway does.
 *
 * Rows applied before checksums were recorded (checksum null) get the checksum of the file on disk
 * at their first run of this code: what actually ran then cannot be known, so that file is trusted
 * and every later change to it is caught.
 */
export async function migrate(sql: Sql, migrations = readMigrations()): Promise<number[]> {
  await sql`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`;
  await sql`ALTER TABLE schema_migrations ADD COLUMN IF NOT EXISTS checksum text`;
  const applied = new Map(
    (await sql<Applied[]>`SELECT version, checksum FROM schema_migrations`).map((r) => [r.version, r]),
  );
  const changed = migrations.filter((m) => {
    const recorded = applied.get(m.version)?.checksum;
    return recorded != null && recorded !== m.checksum;
  });
  if (changed.length > 0) throw new MigrationChecksumError(changed.map((m) => m.file));
  for (const migration of migrations) {
    if (applied.get(migration.version)?.checksum === null) {
      await sql`UPDATE schema_migrations SET checksum = ${migration.checksum} WHERE version = ${migration.version}`;
    }
  }
  const done: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    await sql.begin(async (tx) => {
      await tx.unsafe(migration.sql);
      await tx`
        INSERT INTO schema_migrations (version, name, checksum)
        VALUES (${migration.version}, ${migration.name}, ${migration.checksum})`;
    });
    done.push(migration.version);
  }
  // Data that a migration cannot compute in SQL: the streets of older messages (0013).
  await backfillStreets(sql);
  return done;
}

/**
 * Versions present on disk but not applied: readiness fails while this is non-empty. A database
 * without the table has nothing applied; any other error (the database went away) is thrown, not
 * mistaken for "every migration pending".
 */
export async function pendingMigrations(sql: Sql, migrations = readMigrations()): Promise<number[]> {
  const rows = await sql<{ version: number }[]>`SELECT version FROM schema_migrations`.catch(
    (error: unknown) => {
      if ((error as { code?: unknown }).code === '42P01') return [] as { version: number }[];
      throw error;
    },
  );
  const done = new Set(rows.map((r) => r.version));
  return migrations.filter((m) => !done.has(m.version)).map((m) => m.version);
}
