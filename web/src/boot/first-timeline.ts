import { resolutionForZoom } from '@heatmap/geo';
import { queryString } from '../api/query-string';
import { queryFilters } from '../app/query-filters';
import { parseUrlState } from '../url-state/url-state';

/** The zoom the screen assumes for its first reads, before the map has reported its own. */
export const ZOOM_BEFORE_MAP = 11;

/**
 * The staff map's first /timeline read for a link, exactly as the screen asks it before the map
 * reports its view (HeatMapScreen, use-screen-data): the whole region, the link's filters and window
 * length, the resolution for the link's zoom. Null when the link has a view: that first read waits
 * for the map's bounds. If the map then settles on another resolution the screen asks again, as it
 * would have anyway.
 */
export function firstStaffTimelineUrl(search: string): string | null {
  const url = parseUrlState(search);
  if (url.lat !== undefined) return null;
  const query = {
    ...queryFilters(url),
    res: resolutionForZoom(url.z ?? ZOOM_BEFORE_MAP),
    bucket: url.win,
    bbox: undefined,
  };
  return `/api/v1/timeline${queryString(query)}`;
}
