import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthSchema } from '../../schemas/health';

export const healthzRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    { schema: { summary: 'The process is up', tags: ['meta'], response: { 200: HealthSchema } } },
    async () => ({ status: 'ok' as const }),
  );
};
