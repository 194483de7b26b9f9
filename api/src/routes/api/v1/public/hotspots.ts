import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { publicHotspots } from '../../../../public/public-hotspots';
import { publicFilter, publicResolution } from '../../../../public/public-rules';
import { ErrorResponses, ErrorSchema } from '../../../../schemas/common';
import { PublicHotspotsSchema, QueryPublicHotspotsSchema } from '../../../../schemas/public-hotspots';

/**
 * /api/v1/public/hotspots: the public Gi* bins, under the public map's rules. Registered inside publicRoutes,
 * whose cache-control hook it shares.
 */
export const publicHotspotsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      config: { access: 'public' as const },
      schema: {
        summary: 'Public: Gi* hot and cold spot bins (res <= 8), no counts, z or p',
        tags: ['public map'],
        querystring: QueryPublicHotspotsSchema,
        response: { 200: PublicHotspotsSchema, ...ErrorResponses, 401: ErrorSchema },
      },
    },
    (request, reply) =>
      app.responseCache.send(request, reply, async () => {
        const rules = app.publicMap.rules;
        return publicHotspots(
          app.heatmapQueries,
          publicFilter(request.query, rules),
          publicResolution(request.query, rules),
          request.query.k ?? 1,
          await app.publicMap.placeAudience(),
        );
      }),
  );
};
