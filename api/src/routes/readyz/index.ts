import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { pendingMigrations } from '../../db/migrate';
import { databaseReport } from '../../db/replica-report';
import { databaseAnswers } from '../../queries/database-contents-query';
import { ReadySchema } from '../../schemas/health';

export const readyzRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: 'The database answers and every migration is applied; with replicas, how each is',
        tags: ['meta'],
        response: { 200: ReadySchema, 503: ReadySchema },
      },
    },
    async (request, reply) => {
      // Replicas are reported, not required: without them reads go to the primary.
      const databases = app.db.replicas
        ? { databases: await databaseReport(app.db.sql, app.db.replicas) }
        : {};
      try {
        await databaseAnswers(app.db.sql);
        const pending = await pendingMigrations(app.db.sql);
        if (pending.length > 0) {
          return reply.code(503).send({
            status: 'unavailable',
            reason: `migrations pending: ${pending.join(', ')}`,
            ...databases,
          });
        }
        return { status: 'ready' as const, ...databases };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return reply.code(503).send({ status: 'unavailable', reason: 'database unreachable', ...databases });
      }
    },
  );
};
