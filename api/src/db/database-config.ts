import { ConfigError } from '../config/config-error';

/** How the API reaches its PostgreSQL servers beyond DATABASE_URL: replicas and a pooler in front. */
export interface DatabaseTopology {
  /** DATABASE_READ_URL, comma-separated: streaming replicas that answer the cached reads. */
  readUrls: string[];
  /**
   * DATABASE_POOL_MODE: `transaction` when a pooler in transaction mode (PgBouncer) stands between the
   * API and the servers. A server connection then serves another client after every transaction, so a
   * named prepared statement would be missing (or another client's) on the next one: none are used.
   */
  poolMode: 'session' | 'transaction';
}

/** Reads DATABASE_READ_URL and DATABASE_POOL_MODE; replicas need a server primary (PGlite has none). */
export function loadDatabaseTopology(env: NodeJS.ProcessEnv): DatabaseTopology {
  const readUrls = (env.DATABASE_READ_URL ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  if (readUrls.length > 0 && !env.DATABASE_URL) {
    throw new ConfigError(
      'DATABASE_READ_URL names read replicas, but DATABASE_URL is not set: the embedded PGlite database has no replicas. Set DATABASE_URL to the primary server, or unset DATABASE_READ_URL',
    );
  }
  for (const url of readUrls) {
    if (!/^postgres(ql)?:\/\//.test(url)) {
      throw new ConfigError(`DATABASE_READ_URL must list postgres:// URLs separated by commas, got "${url}"`);
    }
  }
  const mode = (env.DATABASE_POOL_MODE ?? '').trim().toLowerCase() || 'session';
  if (mode !== 'session' && mode !== 'transaction') {
    throw new ConfigError(
      `DATABASE_POOL_MODE must be session or transaction, got "${env.DATABASE_POOL_MODE}"`,
    );
  }
  return { readUrls, poolMode: mode };
}
