import type { Config } from '../config/config';
import { type Database, openDatabase } from '../db/database';
import { migrate } from '../db/migrate';
import { ensureTimezone } from '../repositories/settings-repository';

/**
 * The configured database, migrated, with its local days in the configured time zone: every
 * command that touches data starts here.
 */
export async function openConfiguredDatabase(config: Config, log = true): Promise<Database> {
  const db = await openDatabase(
    config.databaseUrl ? { url: config.databaseUrl } : { dataDir: config.dataDir },
  );
  try {
    const applied = await migrate(db.sql);
    if (log && applied.length > 0) console.error(`applied migrations ${applied.join(', ')}`);
    const moved = await db.sql.begin((tx) =>
      ensureTimezone(tx as unknown as Database['sql'], config.timezone),
    );
    if (log && moved > 0) console.error(`recomputed local days of ${moved} messages for ${config.timezone}`);
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}

export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PGlite in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}
