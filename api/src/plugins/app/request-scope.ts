import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { FilterScope } from '../../queries/message-filter';

declare module 'fastify' {
  interface FastifyRequest {
    /** Forced limits of the caller (a municipal user's districts); null: none. Set by auth hooks. */
    filterScope: FilterScope | null;
  }
}

export const requestScopePlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest('filterScope', null);
  },
  { name: 'request-scope' },
);
