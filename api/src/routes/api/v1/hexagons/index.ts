import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestFilter, requestResolution } from '../../../../plugins/app/request-filter';
import { ErrorResponses } from '../../../../schemas/common';
import { HexagonsSchema, QueryHexagonsSchema } from '../../../../schemas/hexagons';

export const hexagonsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: 'Metrics per H3 cell',
        tags: ['heat map'],
        querystring: QueryHexagonsSchema,
        response: { 200: HexagonsSchema, ...ErrorResponses },
      },
    },
    (request, reply) =>
      app.responseCache.send(request, reply, () =>
        app.heatmapQueries.hexagons(requestFilter(app, request), requestResolution(request.query), {
          medians: request.query.medians ?? false,
          exact: request.query.exact ?? false,
          ...(request.query.h3 ? { h3: request.query.h3, askedRes: request.query.res } : {}),
        }),
      ),
  );
};
