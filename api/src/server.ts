import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config/config';
import { type Database, openDatabase } from './db/database';
import { migrate } from './db/migrate';

export const defaultWebRoot = resolve(new URL('../../web/dist', import.meta.url).pathname);

export interface RunningServer {
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

/**
 * The only place that listens: opens (unless given) and migrates the database, serves the API and
 * the built web app on config.host:config.port. close() stops the server, then the database it opened.
 */
export async function startServer(
  config: Config,
  options: { db?: Database; webRoot?: string } = {},
): Promise<RunningServer> {
  const db =
    options.db ??
    (await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir, topology: config.database }));
  const ownsDb = options.db === undefined;
  try {
    await migrate(db.sql);
    const app = await buildApp({
      db,
      config,
      webRoot: options.webRoot ?? defaultWebRoot,
      cacheVersionTtlMs: 200,
      logger: { level: config.production ? 'info' : 'warn' },
    });
    app.server.requestTimeout = 60_000;
    const address = await app.listen({ host: config.host, port: config.port });
    return {
      url: address.replace('[::1]', 'localhost'),
      app,
      async close() {
        await app.close();
        if (ownsDb) await db.close();
      },
    };
  } catch (error) {
    if (ownsDb) await db.close();
    throw error;
  }
}
