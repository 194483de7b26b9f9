import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses } from '../../../../schemas/common';
import { PlaceSuggestionsSchema, QueryPlacesSchema } from '../../../../schemas/places';

/** /api/v1/places: the staff map's search box; a municipal account finds its own districts' places only. */
export const placesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: 'Districts and streets (seen in addresses) matching a typed name, with bounds to fly to',
        tags: ['heat map'],
        querystring: QueryPlacesSchema,
        response: { 200: PlaceSuggestionsSchema, ...ErrorResponses },
      },
    },
    (request, reply) =>
      app.responseCache.send(request, reply, () =>
        app.heatmapQueries.searchPlaces(request.query.q, {
          kind: 'staff',
          ...(request.filterScope && { districtIds: request.filterScope.districtIds }),
        }),
      ),
  );
};
