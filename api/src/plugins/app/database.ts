import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config/config';
import type { Database } from '../../db/database';

declare module 'fastify' {
  interface FastifyInstance {
    db: Database;
    config: Config;
  }
}

/** The database and settings as decorators; the database is closed by whoever opened it. */
export const databasePlugin = fp(
  async (app: FastifyInstance, options: { db: Database; config: Config }) => {
    app.decorate('db', options.db);
    app.decorate('config', options.config);
  },
  { name: 'database' },
);
