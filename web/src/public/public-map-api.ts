import { PUBLIC_MAX_RESOLUTION } from '@heatmap/geo';
import { getJson } from '../api/client';
import type { MapApi } from '../api/map-api';
import type { paths } from '../api/schema';

type Json<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer Body } } } };
}
  ? Body
  : never;

const BASE = '/api/v1/public';

function capped(res: number | undefined): number | undefined {
  return res === undefined ? undefined : Math.min(res, PUBLIC_MAX_RESOLUTION);
}

/**
 * The public API behind the map screen. The staff queries are narrowed to what the public routes take:
 * the resolution is capped, every bucket becomes a month (the public bucket: the API rounds windows out to
 * whole months and refuses finer buckets), and the drill-down has no text search. Everything else (filters,
 * bbox, window) passes through.
 */
export const publicMapApi: MapApi = {
  audience: 'public',
  maxResolution: PUBLIC_MAX_RESOLUTION,
  // resolutionForZoom reaches res 8 near zoom 10-11; at 13 a capped cell is already ~4x its usual size on
  // screen, and closer views would only make one hexagon fill the map.
  maxZoom: 13,
  textSearch: false,
  meta: (signal) => getJson<Json<'/api/v1/public/meta'>>(`${BASE}/meta`, {}, signal),
  districts: (query, signal) =>
    getJson<Json<'/api/v1/public/districts'>>(`${BASE}/districts`, { ...query, medians: true }, signal),
  hexagons: ({ res, ...query }, signal) =>
    getJson<Json<'/api/v1/public/hexagons'>>(
      `${BASE}/hexagons`,
      { ...query, res: capped(res), medians: true },
      signal,
    ),
  timeline: ({ res, bucket: _bucket, ...query }, signal) =>
    getJson<Json<'/api/v1/public/timeline'>>(
      `${BASE}/timeline`,
      { ...query, res: capped(res), bucket: 'month' },
      signal,
    ),
  summary: ({ res, ...query }, signal) =>
    getJson<Json<'/api/v1/public/summary'>>(`${BASE}/summary`, { ...query, res: capped(res) }, signal),
  cellMessages: (cell, { q: _search, ...query }, signal) =>
    getJson<Json<'/api/v1/public/cells/{h3}/messages'>>(
      `${BASE}/cells/${encodeURIComponent(cell)}/messages`,
      query,
      signal,
    ),
};
