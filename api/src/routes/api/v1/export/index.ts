import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { errorBody } from '../../../../errors/http-error';
import { messagesToCsv } from '../../../../export/messages-csv';
import { requestFilter } from '../../../../plugins/app/request-filter';
import { ErrorResponses, FiltersSchema } from '../../../../schemas/common';

/** A spreadsheet of more rows than this is a sign the filters are too wide to act on. */
export const MAX_EXPORT_ROWS = 100_000;

export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/messages.csv',
    {
      schema: {
        summary: 'The messages matching the filters as CSV (newest first), within the caller’s districts',
        description: `For a spreadsheet: UTF-8 with a byte-order mark, times in the region's zone. At most ${MAX_EXPORT_ROWS} messages; more is a 400 asking for narrower filters.`,
        tags: ['messages'],
        querystring: FiltersSchema,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'CSV' }), ...ErrorResponses },
      },
    },
    async (request, reply) => {
      const messages = await app.reads.run(() =>
        app.heatmapQueries.messagesForExport(requestFilter(app, request), MAX_EXPORT_ROWS),
      );
      if (messages.length > MAX_EXPORT_ROWS) {
        return reply
          .code(400)
          .send(
            errorBody(400, `More than ${MAX_EXPORT_ROWS} messages match: narrow the period or the filters`),
          );
      }
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="messages.csv"')
        .header('cache-control', 'private, no-store')
        .send(messagesToCsv(messages, app.config.timezone));
    },
  );
};
