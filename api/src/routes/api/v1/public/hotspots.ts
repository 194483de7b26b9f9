import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { publicHotspots } from '../../../../public/public-hotspots';
import { publicFilter, publicResolution } from '../../../../public/public-rules';
import { ErrorResponses, ErrorSchema } from '../../../../schemas/common';
import { PublicHotspotsSchema, QueryPublicHotspotsSchema } from '../../../../schemas/public-hotspots';
import { PUBLIC_MAX_AGE_SECONDS } from './index';

/** /api/v1/public/hotspots: the public Gi* bins, under the public map's rules (see publicRoutes). */
export const publicHotspotsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // As publicRoutes: shared caches may keep the answer unless the auth plugin made it private.
  app.addHook('onSend', async (_request, reply, payload) => {
    const ok = reply.statusCode === 200 || reply.statusCode === 304;
    if (ok && reply.getHeader('cache-control') === 'no-cache') {
      reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
    }
    return payload;
  });
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
      app.responseCache.send(request, reply, () => {
        const rules = app.publicMap.rules;
        return publicHotspots(
          app.heatmapQueries,
          publicFilter(request.query, rules),
          publicResolution(request.query, rules),
          request.query.k ?? 1,
        );
      }),
  );
};
