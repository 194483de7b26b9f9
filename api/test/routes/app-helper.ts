import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app';
import type { Config } from '../../src/config/config';
import type { Database } from '../../src/db/database';

export const INGEST_TOKEN = 'test-ingest-token';

export function testConfig(): Config {
  return {
    databaseUrl: undefined,
    dataDir: '',
    port: 0,
    host: '127.0.0.1',
    timezone: 'Europe/Budapest',
    ingestToken: INGEST_TOKEN,
    production: false,
    auth: { publicMap: true, sessionTtlHours: 12, cookieSecure: false },
    publicText: false,
  };
}

/** The app on a test database, ready for inject. */
export function buildTestApp(db: Database): Promise<FastifyInstance> {
  return buildApp({ db, config: testConfig() });
}
