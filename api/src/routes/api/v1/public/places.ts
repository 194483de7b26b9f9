import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses, ErrorSchema } from '../../../../schemas/common';
import { PlaceSuggestionsSchema, QueryPlacesSchema } from '../../../../schemas/places';

/**
 * /api/v1/public/places: the public map's search box. Streets only where the public places name them (at least
 * 5 messages of a res-8 cell), bounds of those cells only. Registered inside publicRoutes (its cache hook).
 */
export const publicPlacesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { access: 'public' as const },
      schema: {
        summary: 'Public: districts and streets matching a typed name, with bounds to fly to',
        tags: ['public map'],
        querystring: QueryPlacesSchema,
        response: { 200: PlaceSuggestionsSchema, ...ErrorResponses, 401: ErrorSchema },
      },
    },
    (request, reply) =>
      app.responseCache.send(request, reply, async () =>
        app.heatmapQueries.searchPlaces(request.query.q, await app.publicMap.placeAudience()),
      ),
  );
};
