import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestFilter, requestResolution } from '../../../../plugins/app/request-filter';
import { ErrorResponses } from '../../../../schemas/common';
import { largeArraySerializer } from '../../../../schemas/large-array-serializer';
import { QueryTimelineSchema, TimelineSchema } from '../../../../schemas/timeline';

export const timelineRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: 'Counts per time bucket, in total and per cell, for the time slider',
        tags: ['heat map'],
        querystring: QueryTimelineSchema,
        response: { 200: TimelineSchema, ...ErrorResponses },
      },
      // A year of res-8 days is 500,000+ integers: item by item, their serialisation cost more than the query.
      serializerCompiler: largeArraySerializer,
    },
    (request, reply) =>
      app.responseCache.send(request, reply, () =>
        app.heatmapQueries.timeline(
          requestFilter(app, request),
          requestResolution(request.query),
          request.query.bucket ?? 'day',
        ),
      ),
  );
};
