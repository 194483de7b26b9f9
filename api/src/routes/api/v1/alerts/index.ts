import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parseFilters } from '../../../../queries/message-filter';
import { checkDay } from '../../../../queries/step-windows';
import { AlertsSchema, QueryAlertsSchema } from '../../../../schemas/alerts';
import { ErrorResponses } from '../../../../schemas/common';

export const alertsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: "The day's spikes per cell and category against the same weekday of the previous 8 weeks",
        tags: ['hotspots'],
        querystring: QueryAlertsSchema,
        response: { 200: AlertsSchema, ...ErrorResponses },
      },
    },
    (request, reply) =>
      app.responseCache.send(request, reply, async () => {
        const { day, district } = request.query;
        const filter = parseFilters(
          { ...(district !== undefined && { district }) },
          app.config.timezone,
          request.filterScope ?? undefined,
        );
        return app.heatmapQueries.alerts(filter, {
          res: (request.query.res ?? 8) as 7 | 8,
          ...(day !== undefined && { day: checkDay('day', day) }),
        });
      }),
  );
};
