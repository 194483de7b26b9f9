import { MAX_RESOLUTION, MIN_RESOLUTION, type Resolution } from './resolutions';

// Each H3 level is ~2.65x finer in edge length, each zoom level 2x: log(2) / log(2.65).
const RESOLUTIONS_PER_ZOOM = 0.712;
// Measured around Budapest (lat 47.5) with MapLibre's 512-px tiles: at zoom 8 a res-6 cell is ~31 px across.
const RESOLUTION_AT_ZOOM_8 = 6.03;

/**
 * The H3 resolution to draw at a web-map zoom: cells about 20-40 px across on screen (18-47 px at integer
 * zooms, since one level is 2.65x and cannot land in a 2x window every time). Clamped to 5..10, so from zoom
 * ~14.5 on cells grow on screen (res 10 is ~80 px at zoom 15).
 */
export function resolutionForZoom(zoom: number): Resolution {
  const res = Math.round(RESOLUTION_AT_ZOOM_8 + RESOLUTIONS_PER_ZOOM * (zoom - 8));
  return Math.min(MAX_RESOLUTION, Math.max(MIN_RESOLUTION, res)) as Resolution;
}
