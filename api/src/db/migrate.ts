import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sql } from './database';

export const migrationsDir = new URL('../../../migrations/', import.meta.url).pathname;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The `NNNN.do.name.sql` files in order; `undo` files are for humans rolling back by hand. */
export function readMigrations(dir = migrationsDir): Migration[] {
  return readdirSync(dir)
    .map((file) => /^(\d{4})\.do\.(.+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      version: Number(m[1]),
      name: m[2] as string,
      sql: readFileSync(join(dir, m[0]), 'utf8'),
    }))
    .sort((a, b) => a.version - b.version);
}

/** Applies pending migrations, each in its own transaction; returns the versions applied. */
export async function migrate(sql: Sql, migrations = readMigrations()): Promise<number[]> {
  await sql`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`;
  const done = new Set(
    (await sql<{ version: number }[]>`SELECT version FROM schema_migrations`).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const migration of migrations) {
    if (done.has(migration.version)) continue;
    await sql.begin(async (tx) => {
      await tx.unsafe(migration.sql);
      await tx`INSERT INTO schema_migrations (version, name) VALUES (${migration.version}, ${migration.name})`;
    });
    applied.push(migration.version);
  }
  return applied;
}

/** Versions present on disk but not applied: readiness fails while this is non-empty. */
export async function pendingMigrations(sql: Sql, migrations = readMigrations()): Promise<number[]> {
  const rows = await sql<{ version: number }[]>`
    SELECT version FROM schema_migrations`.catch(() => [] as { version: number }[]);
  const done = new Set(rows.map((r) => r.version));
  return migrations.filter((m) => !done.has(m.version)).map((m) => m.version);
}
