import { PUBLIC_MAX_RESOLUTION } from '@heatmap/geo';
import { api } from '../api/client';
import { bodyOf } from '../api/http';
import type { MapApi } from '../api/map-api';
import { WINDOW_LENGTHS } from '../url-state/url-state';

function capped(res: number | undefined): number | undefined {
  return res === undefined ? undefined : Math.min(res, PUBLIC_MAX_RESOLUTION);
}

/**
 * The public API behind the map screen. The staff queries are narrowed to what the public routes take:
 * the resolution is capped, day and hour buckets become weeks (the public timeline refuses finer ones),
 * the drill-down has no text search and there is no CSV export. Everything else (filters, bbox, window) passes through.
 */
export const publicMapApi: MapApi = {
  maxResolution: PUBLIC_MAX_RESOLUTION,
  // resolutionForZoom reaches res 8 near zoom 10-11; at 13 a capped cell is already ~4x its usual size on
  // screen, and closer views would only make one hexagon fill the map.
  maxZoom: 13,
  textSearch: false,
  windowLengths: WINDOW_LENGTHS.filter((length) => length !== 'day'),
  meta: (signal) => bodyOf(api.GET('/api/v1/public/meta', { signal })),
  districts: (query, signal) =>
    bodyOf(api.GET('/api/v1/public/districts', { params: { query: { ...query, medians: true } }, signal })),
  hexagons: ({ res, ...query }, signal) =>
    bodyOf(
      api.GET('/api/v1/public/hexagons', {
        params: { query: { ...query, res: capped(res), medians: true } },
        signal,
      }),
    ),
  timeline: ({ res, bucket, ...query }, signal) =>
    bodyOf(
      api.GET('/api/v1/public/timeline', {
        params: { query: { ...query, res: capped(res), bucket: bucket === 'month' ? 'month' : 'week' } },
        signal,
      }),
    ),
  summary: ({ res, ...query }, signal) =>
    bodyOf(api.GET('/api/v1/public/summary', { params: { query: { ...query, res: capped(res) } }, signal })),
  cellMessages: (h3, { q: _search, ...query }, signal) =>
    bodyOf(api.GET('/api/v1/public/cells/{h3}/messages', { params: { path: { h3 }, query }, signal })),
};
