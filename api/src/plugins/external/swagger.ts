import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** OpenAPI document from the route schemas; human docs at /api/docs. */
export async function registerSwagger(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Civic heat map API',
        version: '1.0.0',
        description:
          "Residents' messages aggregated by H3 cell, time bucket and district. Dates without an offset are " +
          'read in the region time zone; windows are half-open [from, to).',
      },
      tags: [
        { name: 'heat map', description: 'Aggregates for the map and the time slider' },
        { name: 'messages', description: 'Drill-down to single messages and ingestion' },
        { name: 'meta', description: 'Filter values, health' },
      ],
      components: {
        securitySchemes: {
          ingestToken: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API key (`heatmap apikey add --source NAME`), which writes only its own source, or the ' +
              'shared HEATMAP_INGEST_TOKEN, which writes only HEATMAP_INGEST_SOURCE (default `api`). ' +
              "Records without a source get the writer's; a record naming another source is rejected.",
          },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}
