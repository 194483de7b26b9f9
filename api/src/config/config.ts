import { resolve } from 'node:path';
import { type AuthConfig, loadAuthConfig, readBoolean } from '../auth/auth-config';
import { type BasemapConfig, loadBasemapConfig } from '../basemap/basemap-config';
import { type DatabaseTopology, loadDatabaseTopology } from '../db/database-config';
import { ConfigError } from './config-error';

export interface Config {
  databaseUrl: string | undefined;
  /** DATABASE_READ_URL and DATABASE_POOL_MODE; absent: no replicas, no pooler. */
  database?: DatabaseTopology;
  dataDir: string;
  port: number;
  host: string;
  timezone: string;
  ingestToken: string | undefined;
  /** HEATMAP_INGEST_SOURCE: the one source HEATMAP_INGEST_TOKEN may write (default `api`). */
  ingestSource: string;
  production: boolean;
  /** Public map switch, session lifetime, cookie security (HEATMAP_PUBLIC_MAP, …). */
  auth: AuthConfig;
  /** HEATMAP_PUBLIC_TEXT: the public drill-down shows message text, scrubbed of personal data (default off). */
  publicText: boolean;
  /** HEATMAP_BASEMAP, HEATMAP_BASEMAP_LANG, HEATMAP_BASEMAP_STYLE: the street map under the hexagons. */
  basemap: BasemapConfig;
  /** Set by `heatmap demo` while it replays the past year as live messages (HEATMAP_DEMO_LIVE). */
  liveDemo?: boolean;
}

const projectRoot = new URL('../../../', import.meta.url).pathname;

/**
 * Reads the environment once; every setting is documented in the README with its default.
 * Hand-written rather than env-schema: its Ajv coercion takes only true/false for a boolean (the
 * documented on/off, yes/no, 1/0 and empty-means-default are refused), it has no defaults that
 * follow NODE_ENV (ingest token, Secure cookies), and its messages are "/PORT must be <= 65535".
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a port number, got "${env.PORT}"`);
  }
  const timezone = env.HEATMAP_TIMEZONE ?? 'Europe/Budapest';
  if (!isTimeZone(timezone)) {
    throw new ConfigError(
      `HEATMAP_TIMEZONE must be an IANA time zone such as Europe/Moscow, got "${timezone}"`,
    );
  }
  const production = env.NODE_ENV === 'production';
  const ingestToken = env.HEATMAP_INGEST_TOKEN || (production ? undefined : 'dev-ingest-token');
  const ingestSource = env.HEATMAP_INGEST_SOURCE?.trim() || 'api';
  if (ingestSource.length > 100)
    throw new ConfigError('HEATMAP_INGEST_SOURCE may have at most 100 characters');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    database: loadDatabaseTopology(env),
    dataDir: resolve(env.HEATMAP_DATA_DIR ?? resolve(projectRoot, '.data')),
    port,
    host: env.HOST ?? '127.0.0.1',
    timezone,
    ingestToken,
    ingestSource,
    production,
    auth: loadAuthConfig(env),
    publicText: readBoolean(env, 'HEATMAP_PUBLIC_TEXT', false),
    basemap: loadBasemapConfig(env, timezone),
  };
}

/** Whether the runtime knows `name` as an IANA time zone. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
