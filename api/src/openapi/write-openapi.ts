import { writeFileSync } from 'node:fs';
import { buildApp } from '../app';
import type { Config } from '../config/config';
import type { Database } from '../db/database';

export const openapiPath = new URL('../../openapi.json', import.meta.url).pathname;

/** The OpenAPI document the route schemas describe, as committed in api/openapi.json. */
export async function renderOpenapi(): Promise<string> {
  // Building routes touches no data: a database that is never called is enough.
  const db = { kind: 'server', sql: undefined, close: async () => {} } as unknown as Database;
  const config: Config = {
    databaseUrl: undefined,
    dataDir: '',
    port: 0,
    host: '127.0.0.1',
    timezone: 'Europe/Budapest',
    ingestToken: undefined,
    ingestSource: 'api',
    production: false,
    auth: { publicMap: true, sessionTtlHours: 12, cookieSecure: false },
    publicText: false,
    basemap: { file: undefined, lang: 'hu', styleUrl: undefined },
  };
  const app = await buildApp({ db, config });
  try {
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(openapiPath, await renderOpenapi());
  console.log(`wrote ${openapiPath}`);
}
