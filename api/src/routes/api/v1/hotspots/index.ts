import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Resolution } from '@heatmap/geo';
import { requestFilter } from '../../../../plugins/app/request-filter';
import { parseFilters } from '../../../../queries/message-filter';
import { checkDay } from '../../../../queries/step-windows';
import { ErrorResponses } from '../../../../schemas/common';
import {
  EmergingSchema,
  HotspotsSchema,
  QueryEmergingSchema,
  QueryHotspotsSchema,
} from '../../../../schemas/hotspots';

export const hotspotsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        summary: 'Gi* hot and cold spots: z, p and the FDR bin for every cell of the study area',
        tags: ['hotspots'],
        querystring: QueryHotspotsSchema,
        response: { 200: HotspotsSchema, ...ErrorResponses },
      },
    },
    (request, reply) =>
      app.responseCache.send(request, reply, () =>
        app.heatmapQueries.hotspots(
          requestFilter(app, request),
          (request.query.res ?? 8) as Resolution,
          request.query.k ?? 1,
          request.query.places ?? 0,
        ),
      ),
  );

  app.get(
    '/emerging',
    {
      schema: {
        summary: 'Emerging hot and cold spots: Gi* per week or month, Mann–Kendall trend, class per cell',
        tags: ['hotspots'],
        querystring: QueryEmergingSchema,
        response: { 200: EmergingSchema, ...ErrorResponses },
      },
    },
    (request, reply) =>
      app.responseCache.send(request, reply, async () => {
        const { category, district, to } = request.query;
        // Only these two filters: `to` here is the end of the steps, not a message window.
        const filter = parseFilters(
          { ...(category !== undefined && { category }), ...(district !== undefined && { district }) },
          app.config.timezone,
          request.filterScope ?? undefined,
        );
        return app.heatmapQueries.emerging(filter, {
          res: (request.query.res ?? 8) as Resolution,
          k: request.query.k ?? 1,
          step: request.query.step ?? 'week',
          steps: request.query.steps ?? 12,
          ...(to !== undefined && { to: checkDay('to', to) }),
        });
      }),
  );
};
