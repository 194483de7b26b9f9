import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestFilter } from '../../../../plugins/app/request-filter';
import { ErrorResponses } from '../../../../schemas/common';
import { DistrictsSchema, QueryDistrictsSchema } from '../../../../schemas/districts';

export const districtsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: 'Districts as a GeoJSON FeatureCollection with their metrics, for a choropleth',
        tags: ['heat map'],
        querystring: QueryDistrictsSchema,
        response: { 200: DistrictsSchema, ...ErrorResponses },
      },
    },
    (request, reply) =>
      app.responseCache.send(request, reply, () =>
        app.heatmapQueries.districts(requestFilter(app, request), {
          medians: request.query.medians ?? false,
          exact: request.query.exact ?? false,
        }),
      ),
  );
};
