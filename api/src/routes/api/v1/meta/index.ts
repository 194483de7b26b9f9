import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses } from '../../../../schemas/common';
import { MetaSchema } from '../../../../schemas/meta';

export const metaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: "Categories, sources, statuses, districts, the time extent and zone: a filter panel's needs",
        tags: ['meta'],
        response: { 200: MetaSchema, ...ErrorResponses },
      },
    },
    (request, reply) => {
      const scope = request.filterScope ?? undefined;
      return app.responseCache.send(request, reply, async () => ({
        ...(await app.heatmapQueries.meta(scope)),
        ...(app.config.liveDemo && { liveDemo: true }),
      }));
    },
  );
};
