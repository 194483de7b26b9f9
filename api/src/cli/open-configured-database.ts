import type { Config } from '../config/config';
import { type Database, openDatabase } from '../db/database';
import { migrate } from '../db/migrate';
import { openDataDir } from '../db/open-data-dir';
import { ensureTimezone } from '../repositories/settings-repository';

/**
 * The configured database, migrated, with its local days in the configured time zone: every
 * command that touches data starts here. An embedded data directory another heatmap process has
 * open is used through that process (`exclusive`, for `serve`: refused); the route goes to stderr.
 */
export async function openConfiguredDatabase(
  config: Config,
  log = true,
  access: 'shared' | 'exclusive' = 'shared',
): Promise<Database> {
  // Only the server reads from replicas; every command honours the pooler's mode.
  const topology = config.database && {
    readUrls: access === 'exclusive' ? config.database.readUrls : [],
    poolMode: config.database.poolMode,
  };
  const db = config.databaseUrl
    ? await openDatabase({ url: config.databaseUrl, ...(topology && { topology }) })
    : await openEmbedded(config, access);
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

async function openEmbedded(config: Config, access: 'shared' | 'exclusive'): Promise<Database> {
  const { db, route } = await openDataDir(config.dataDir, {
    exclusive: access === 'exclusive',
    onWait: (message) => console.error(message),
  });
  if (access === 'shared') console.error(`database: ${route}`);
  return db;
}

export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `embedded PGlite in ${config.dataDir}`;
  const url = new URL(config.databaseUrl);
  return `PostgreSQL at ${url.host}${url.pathname}`;
}
