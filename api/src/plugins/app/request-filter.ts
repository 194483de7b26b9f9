import { type Resolution, resolutionForZoom } from '@heatmap/geo';
import type { FastifyInstance } from 'fastify';
import { type FilterScope, type MessageFilter, parseFilters } from '../../queries/message-filter';
import type { Filters } from '../../schemas/common';

/** The request's filters in the region zone, narrowed by the caller's scope (set by auth hooks). */
export function requestFilter(
  app: FastifyInstance,
  request: { query: Filters; filterScope: FilterScope | null },
): MessageFilter {
  return parseFilters(request.query, app.config.timezone, request.filterScope ?? undefined);
}

/** `res` as asked, else the one the web app would draw at `zoom`. */
export function requestResolution(query: { res?: number; zoom?: number }): Resolution {
  return (query.res ?? resolutionForZoom(query.zoom ?? 11)) as Resolution;
}
