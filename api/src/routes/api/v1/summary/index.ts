import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requestFilter, requestResolution } from '../../../../plugins/app/request-filter';
import { ErrorResponses } from '../../../../schemas/common';
import { QuerySummarySchema, SummarySchema } from '../../../../schemas/summary';

export const summaryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: 'Headline numbers, change versus the previous period, top categories and cells',
        tags: ['heat map'],
        querystring: QuerySummarySchema,
        response: { 200: SummarySchema, ...ErrorResponses },
      },
    },
    (request, reply) =>
      app.responseCache.send(request, reply, () =>
        app.heatmapQueries.summary(requestFilter(app, request), {
          res: requestResolution(request.query),
          top: request.query.top ?? 5,
        }),
      ),
  );
};
