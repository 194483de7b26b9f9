import { useMemo } from 'react';
import type { MapApi } from '../api/map-api';
import type { Filters } from '../api/types';
import { useRemote } from '../api/use-remote';
import { buildTimelineCube } from '../timeline/timeline-cube';
import { useSettledWindow } from '../timeline/use-settled-window';
import { windowFromUrl } from '../timeline/window-from-url';
import type { UrlState } from '../url-state/url-state';

export interface ScreenDataInput {
  api: MapApi;
  url: UrlState;
  filters: Filters;
  /** The H3 resolution for the current zoom (capped by the API). */
  res: number;
  /** The loaded area: 'all' (the whole region, no bbox), a bbox parameter, or undefined until known. */
  bboxParam: string | undefined;
  timeZone: string;
  /** Playing or dragging: the per-window requests wait until the window stops. */
  held: boolean;
}

function apiBbox(param: string | undefined): string | undefined {
  return param === 'all' ? undefined : param;
}

/**
 * Everything the screen reads from the API, and when: the /timeline cube for the area, resolution and
 * filters (every frame of the slider comes from it); /hexagons, /summary and the district choropleth
 * for the settled window only.
 */
export function useScreenData({ api, url, filters, res, bboxParam, timeZone, held }: ScreenDataInput) {
  const filterKey = JSON.stringify(filters);
  const timeline = useRemote(bboxParam ? `${res}|${url.win}|${filterKey}|${bboxParam}` : null, (signal) =>
    api.timeline({ ...filters, res, bucket: url.win, bbox: apiBbox(bboxParam) }, signal),
  );
  // A withheld bucket total (public, under k) draws as an empty bar: the histogram only shows the shape.
  const cube = useMemo(
    () =>
      timeline.data
        ? buildTimelineCube({ ...timeline.data, totals: timeline.data.totals.map((total) => total ?? 0) })
        : null,
    [timeline.data],
  );
  const window = useMemo(
    () => (cube ? windowFromUrl(cube, url.from, url.to, timeZone) : { start: 0, end: 0 }),
    [cube, url.from, url.to, timeZone],
  );

  const { settled, settledKey, settling } = useSettledWindow({
    cube,
    window,
    held,
    timeZone,
    cumulative: url.cumulative,
  });

  // Medians cost the API a merge of histograms per cell (or every message, with a category, source or
  // status filter): ask only when the map colours by them.
  const medians = url.metric === 'medianAnswer';
  const hexagons = useRemote(
    settledKey && bboxParam ? `${res}|${filterKey}|${settledKey}|${bboxParam}|${medians}` : null,
    (signal) => api.hexagons({ ...filters, ...settled, res, bbox: apiBbox(bboxParam), medians }, signal),
  );
  const summary = useRemote(settledKey ? `${filterKey}|${settledKey}` : null, (signal) =>
    api.summary({ ...filters, ...settled }, signal),
  );
  const choropleth = useRemote(
    url.mode === 'districts' && settledKey ? `${filterKey}|${settledKey}|${medians}` : null,
    (signal) => api.districts({ ...filters, ...settled, medians }, signal),
  );

  return { timeline, cube, window, settled, settledKey, settling, hexagons, summary, choropleth };
}
