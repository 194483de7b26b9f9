import { PUBLIC_MAX_RESOLUTION, resolutionForZoom } from '@heatmap/geo';
import { queryString } from '../api/query-string';
import { queryFilters } from '../filters/query-filters';
import { publicUrl } from '../public/public-url';
import { parseUrlState } from '../url-state/url-state';

/** The zoom the screen assumes for its first reads, before the map has reported its own. */
export const ZOOM_BEFORE_MAP = 11;

/**
 * The map's first /timeline read for a link, exactly as the screen asks it before the map reports
 * its view (HeatMapScreen, use-screen-data, and for the public map public-map-api's narrowing: the
 * resolution capped, months only, one value per filter): the whole region, the link's filters and window length, the
 * resolution for the link's zoom. Null when the link has a view: that first read waits for the map's
 * bounds. If the map then settles on another resolution the screen asks again, as it would anyway.
 */
export function firstTimelineUrl(search: string, audience: 'staff' | 'public'): string | null {
  const url = parseUrlState(search);
  if (url.lat !== undefined) return null;
  const filters = queryFilters(audience === 'public' ? publicUrl(url) : url);
  const res = resolutionForZoom(url.z ?? ZOOM_BEFORE_MAP);
  if (audience === 'staff') return `/api/v1/timeline${queryString({ ...filters, res, bucket: url.win })}`;
  const publicRes = Math.min(res, PUBLIC_MAX_RESOLUTION);
  return `/api/v1/public/timeline${queryString({ ...filters, res: publicRes, bucket: 'month' })}`;
}
