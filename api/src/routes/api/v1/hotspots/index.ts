import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Resolution } from '@heatmap/geo';
import { requestFilter } from '../../../../plugins/app/request-filter';
import { ErrorResponses } from '../../../../schemas/common';
import { HotspotsSchema, QueryHotspotsSchema } from '../../../../schemas/hotspots';

export const hotspotsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: 'Gi* hot and cold spots: z, p and the FDR bin for every cell of the study area',
        tags: ['hotspots'],
        querystring: QueryHotspotsSchema,
        response: { 200: HotspotsSchema, ...ErrorResponses },
      },
    },
    (request, reply) =>
      app.responseCache.send(request, reply, () =>
        app.heatmapQueries.hotspots(
          requestFilter(app, request),
          (request.query.res ?? 8) as Resolution,
          request.query.k ?? 1,
        ),
      ),
  );
};
