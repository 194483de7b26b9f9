import { MIN_PUBLIC_COUNT, PUBLIC_MAX_RESOLUTION } from '@heatmap/geo';
import { api } from '../api/client';
import { bodyOf } from '../api/http';
import type { MapApi } from '../api/map-api';
import { PUBLIC_BASEMAP_PATH } from '../map/use-basemap';
import { WINDOW_LENGTHS } from '../url-state/url-state';
import { publicUrl } from './public-url';

function capped(res: number | undefined): number | undefined {
  return res === undefined ? undefined : Math.min(res, PUBLIC_MAX_RESOLUTION);
}

/**
 * The public API behind the map screen. The staff queries are narrowed to what the public routes take:
 * the resolution is capped, every bucket becomes a month (the public bucket: the API rounds windows out to
 * whole months and refuses finer buckets), one value per filter, the drill-down has no text search and
 * there is no CSV export. Everything else (bbox, window) passes through.
 */
export const publicMapApi: MapApi = {
  maxResolution: PUBLIC_MAX_RESOLUTION,
  // resolutionForZoom reaches res 8 near zoom 10-11; at 13 a capped cell is already ~4x its usual size on
  // screen, and closer views would only make one hexagon fill the map.
  maxZoom: 13,
  textSearch: false,
  // The public API counts per month only (its windows are whole months: docs/privacy.md).
  windowLengths: WINDOW_LENGTHS.filter((length) => length === 'month'),
  servedUrl: publicUrl,
  oneValuePerFilter: true,
  groupMinimum: MIN_PUBLIC_COUNT,
  basemapPath: PUBLIC_BASEMAP_PATH,
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
  timeline: ({ res, bucket: _bucket, ...query }, signal) =>
    bodyOf(
      api.GET('/api/v1/public/timeline', {
        params: { query: { ...query, res: capped(res), bucket: 'month' } },
        signal,
      }),
    ),
  summary: ({ res, ...query }, signal) =>
    bodyOf(api.GET('/api/v1/public/summary', { params: { query: { ...query, res: capped(res) } }, signal })),
  cellMessages: (h3, { q: _search, ...query }, signal) =>
    bodyOf(api.GET('/api/v1/public/cells/{h3}/messages', { params: { path: { h3 }, query }, signal })),
  // Bins and places under the public street rule (at least 5 messages name the street); no emerging route.
  searchPlaces: (q, signal) => bodyOf(api.GET('/api/v1/public/places', { params: { query: { q } }, signal })),
  hotspots: ({ res, places: _places, ...query }, signal) =>
    bodyOf(api.GET('/api/v1/public/hotspots', { params: { query: { ...query, res: capped(res) } }, signal })),
};
