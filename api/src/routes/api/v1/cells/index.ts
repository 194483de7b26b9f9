import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestFilter } from '../../../../plugins/app/request-filter';
import { ErrorResponses } from '../../../../schemas/common';
import { CellParamsSchema, MessagePageSchema, QueryCellMessagesSchema } from '../../../../schemas/messages';

export const cellsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/:h3/messages',
    {
      schema: {
        summary: 'Messages inside one cell, newest first, in keyset pages',
        tags: ['messages'],
        params: CellParamsSchema,
        querystring: QueryCellMessagesSchema,
        response: { 200: MessagePageSchema, ...ErrorResponses },
      },
    },
    (request, reply) =>
      app.responseCache.send(request, reply, () => {
        const { cursor, limit, q } = request.query;
        return app.heatmapQueries.cellMessages(requestFilter(app, request), {
          h3: request.params.h3,
          limit: limit ?? 50,
          ...(cursor ? { cursor } : {}),
          ...(q ? { q } : {}),
        });
      }),
  );
};
