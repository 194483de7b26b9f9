import { MAX_RESOLUTION, MIN_RESOLUTION, type Resolution } from './resolutions';

/**
 * The H3 resolution to draw at a web-map zoom: cells about 20-40 px across on screen.
 * Each H3 level is ~2.65x finer in edge length, each zoom level 2x, hence the slope.
 */
export function resolutionForZoom(zoom: number): Resolution {
  const res = Math.round((zoom - 3.5) * 0.75 + 2);
  return Math.min(MAX_RESOLUTION, Math.max(MIN_RESOLUTION, res)) as Resolution;
}
