import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses, ErrorSchema } from '../../../../schemas/common';
import {
  PublicCellParamsSchema,
  PublicDistrictsSchema,
  PublicHexagonsSchema,
  PublicMessagePageSchema,
  PublicMetaSchema,
  PublicSummarySchema,
  PublicTimelineSchema,
  QueryPublicCellMessagesSchema,
  QueryPublicDistrictsSchema,
  QueryPublicHexagonsSchema,
  QueryPublicSummarySchema,
  QueryPublicTimelineSchema,
} from '../../../../schemas/public';
import { publicHotspotsRoutes } from './hotspots';
import { publicPlacesRoutes } from './places';

/** How long a shared cache (a CDN, a newsroom proxy) may serve a public answer without asking again. */
export const PUBLIC_MAX_AGE_SECONDS = 60;

const TAGS = ['public map'];
const RESPONSES = { ...ErrorResponses, 401: ErrorSchema };

/**
 * The read-only map for anonymous visitors (journalists, residents, embeds): aggregated and privacy-filtered
 * by app.publicMap (docs/privacy.md, "The public API"). The response schemas are the allow-list of fields.
 * With HEATMAP_PUBLIC_MAP=off an anonymous caller gets 401 from the auth plugin before these run.
 */
export const publicRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The answer is the same for every caller, so shared caches may keep it; the auth plugin has already
  // turned it private when the request carried a session cookie (then the value is no longer 'no-cache').
  app.addHook('onSend', async (_request, reply, payload) => {
    const ok = reply.statusCode === 200 || reply.statusCode === 304;
    if (ok && reply.getHeader('cache-control') === 'no-cache') {
      reply.header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
    }
    return payload;
  });
  const config = { access: 'public' as const };
  await app.register(publicHotspotsRoutes, { prefix: '/hotspots' });
  await app.register(publicPlacesRoutes, { prefix: '/places' });

  app.get(
    '/meta',
    {
      config,
      schema: {
        summary: 'Public: categories, sources, statuses, districts, extent (days), the privacy rules',
        tags: TAGS,
        response: { 200: PublicMetaSchema, ...RESPONSES },
      },
    },
    (request, reply) =>
      app.responseCache.send(request, reply, async () => ({
        ...(await app.publicMap.meta()),
        ...(app.config.liveDemo && { liveDemo: true }),
      })),
  );

  app.get(
    '/hexagons',
    {
      config,
      schema: {
        summary: 'Public: message counts per H3 cell (res <= 8), small counts withheld',
        tags: TAGS,
        querystring: QueryPublicHexagonsSchema,
        response: { 200: PublicHexagonsSchema, ...RESPONSES },
      },
    },
    (request, reply) => app.responseCache.send(request, reply, () => app.publicMap.hexagons(request.query)),
  );

  app.get(
    '/timeline',
    {
      config,
      schema: {
        summary: 'Public: counts per week or month, in total and per cell, small counts withheld',
        tags: TAGS,
        querystring: QueryPublicTimelineSchema,
        response: { 200: PublicTimelineSchema, ...RESPONSES },
      },
    },
    (request, reply) => app.responseCache.send(request, reply, () => app.publicMap.timeline(request.query)),
  );

  app.get(
    '/districts',
    {
      config,
      schema: {
        summary: 'Public: districts (GeoJSON) with their counts, small counts withheld',
        tags: TAGS,
        querystring: QueryPublicDistrictsSchema,
        response: { 200: PublicDistrictsSchema, ...RESPONSES },
      },
    },
    (request, reply) => app.responseCache.send(request, reply, () => app.publicMap.districts(request.query)),
  );

  app.get(
    '/summary',
    {
      config,
      schema: {
        summary: 'Public: headline numbers for the whole region, small counts withheld',
        tags: TAGS,
        querystring: QueryPublicSummarySchema,
        response: { 200: PublicSummarySchema, ...RESPONSES },
      },
    },
    (request, reply) => app.responseCache.send(request, reply, () => app.publicMap.summary(request.query)),
  );

  app.get(
    '/cells/:h3/messages',
    {
      config,
      schema: {
        summary: 'Public: the messages of a published cell as category, day and status (text where enabled)',
        tags: TAGS,
        params: PublicCellParamsSchema,
        querystring: QueryPublicCellMessagesSchema,
        response: { 200: PublicMessagePageSchema, ...RESPONSES },
      },
    },
    (request, reply) =>
      app.responseCache.send(request, reply, () =>
        app.publicMap.cellMessages(request.params.h3, request.query),
      ),
  );
};
