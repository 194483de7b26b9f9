import { MIN_RESOLUTION } from '@heatmap/geo';

/**
 * The finest resolution the hotspot maps ask for. The answer holds every cell of the study area, about 7 times more
 * per level: on the Budapest districts 0.45 MB at res 9 but 3 MB (and a second of work) at res 10, for cells of
 * 0.015 km² that hold too few messages for the test to find much. Zoomed in to res 10, the hotspot modes draw res 9.
 */
export const HOTSPOT_MAX_RESOLUTION = 9;

/** The hotspot routes' resolution for the map's: the same, from 5 up to HOTSPOT_MAX_RESOLUTION. */
export function hotspotResolution(res: number): number {
  return Math.max(MIN_RESOLUTION, Math.min(HOTSPOT_MAX_RESOLUTION, res));
}
