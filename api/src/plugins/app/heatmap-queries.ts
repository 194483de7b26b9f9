import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { createHeatmapQueries, type HeatmapQueries } from '../../queries/heatmap-queries';

declare module 'fastify' {
  interface FastifyInstance {
    heatmapQueries: HeatmapQueries;
  }
}

export const heatmapQueriesPlugin = fp(
  async (app: FastifyInstance) => {
    // Reads go where app.reads sends them (a replica, or the primary); outside it, to the primary.
    app.decorate('heatmapQueries', createHeatmapQueries(app.db.read ?? app.db.sql, app.config.timezone));
  },
  { name: 'heatmap-queries', dependencies: ['database'] },
);
