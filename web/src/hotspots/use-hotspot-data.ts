import { useMemo } from 'react';
import type { MapApi } from '../api/map-api';
import type { Filters, Hexagons } from '../api/types';
import { type Remote, useRemote } from '../api/use-remote';
import { MAP_MODES, type UrlState } from '../url-state/url-state';
import { HOTSPOT_LIST_LENGTH, hotspotList } from './hotspot-list';
import { hotspotResolution } from './hotspot-resolution';

/** Weekly steps of the emerging map, ending where the map's window ends (the API's default count). */
export const EMERGING_STEPS = 12;

export interface HotspotDataInput {
  api: MapApi;
  url: UrlState;
  filters: Filters;
  /** The map's H3 resolution (capped by hotspotResolution). */
  res: number;
  settled: { from?: string; to?: string } | null;
  settledKey: string | null;
  /** Whether the sidebar's hotspot list is shown (it needs the Gi* answer in every mode). */
  list: boolean;
  /** The map's /hexagons answer: the public list ranks equal bins by the counts the public map shows. */
  hexagons: Remote<Hexagons>;
}

/**
 * The Gi* answer for the settled window, filters and resolution (the Gi* map and the hotspot list) and, in the
 * emerging mode, the emerging classes over the weeks up to the window's end. Neither takes a bbox: the
 * statistic depends on the study area, so the map asks for the whole region and draws what is in view.
 */
export function useHotspotData({
  api,
  url,
  filters,
  res,
  settled,
  settledKey,
  list,
  hexagons,
}: HotspotDataInput) {
  const hotRes = hotspotResolution(res);
  const filterKey = JSON.stringify(filters);
  const wanted = (url.mode === 'gi' || list) && settledKey !== null;
  const hotspots = useRemote(wanted ? `${hotRes}|${filterKey}|${settledKey}` : null, (signal) =>
    api.hotspots({ ...filters, ...settled, res: hotRes, places: HOTSPOT_LIST_LENGTH }, signal),
  );
  const emergingRoute = api.emerging;
  const to = settled?.to;
  const emerging = useRemote(
    url.mode === 'emerging' && emergingRoute && to
      ? `${hotRes}|${filters.category}|${filters.district}|${to}`
      : null,
    (signal) =>
      (emergingRoute as NonNullable<MapApi['emerging']>)(
        {
          res: hotRes,
          step: 'week',
          steps: EMERGING_STEPS,
          to,
          category: filters.category,
          district: filters.district,
        },
        signal,
      ),
  );
  const items = useMemo(() => {
    if (!hotspots.data) return null;
    const counts = new Map((hexagons.data?.cells ?? []).map((cell) => [cell.h3, cell.count]));
    return hotspotList(hotspots.data.cells, counts);
  }, [hotspots.data, hexagons.data]);
  const mode = url.mode;
  return {
    hotspots,
    emerging,
    items,
    /** The map modes this API serves: emerging only where it has the route. */
    modes: emergingRoute ? MAP_MODES : MAP_MODES.filter((name) => name !== 'emerging'),
    /** The hotspot modes draw once their answer is in; the list alone does not hold the map. */
    loading:
      (mode === 'gi' && (!hotspots.data || hotspots.loading)) ||
      (mode === 'emerging' && (!emerging.data || emerging.loading)),
    error: hotspots.error ?? emerging.error,
    retry() {
      hotspots.retry();
      emerging.retry();
    },
  };
}
