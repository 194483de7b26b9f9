import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { ReadRouter } from '../../db/read-routing';

declare module 'fastify' {
  interface FastifyInstance {
    /** Where each cached read runs: a replica that holds what it must show, else the primary. */
    reads: ReadRouter;
  }
}

export interface ReadRoutingOptions {
  /** See ReadRouterOptions.versionTtlMs; startServer trusts a data_version read for 200 ms. */
  versionTtlMs?: number;
}

export const readRoutingPlugin = fp(
  async (app: FastifyInstance, options: ReadRoutingOptions) => {
    app.decorate(
      'reads',
      new ReadRouter(app.db.sql, app.db.replicas, { versionTtlMs: options.versionTtlMs ?? 0 }),
    );
  },
  { name: 'read-routing', dependencies: ['database'] },
);
