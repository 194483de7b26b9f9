import type { JsonOf } from '../api/types';

/**
 * The shapes the wall reads, derived from the generated staff API types. The public API answers with
 * the same shapes except that it may withhold numbers as null; the wall reads every number as possibly
 * missing (LooseSummary, `?? null` at the point of use), so one set of types serves both.
 */
export type WallMeta = JsonOf<'/api/v1/meta'>;
export type WallHexagons = JsonOf<'/api/v1/hexagons'>;
export type WallHexagonCell = WallHexagons['cells'][number];
export type WallTimeline = JsonOf<'/api/v1/timeline'>;
export type WallDistricts = JsonOf<'/api/v1/districts'>;
export type WallDistrict = WallDistricts['features'][number];
export type WallSummary = JsonOf<'/api/v1/summary'>;
export type WallMessage = JsonOf<'/api/v1/cells/{h3}/messages'>['messages'][number];

/** A summary with every number possibly withheld (the public API's null). */
export type LooseSummary = {
  [K in keyof WallSummary]: WallSummary[K] extends number ? number | null : WallSummary[K];
};
export type WallEmergingCell = JsonOf<'/api/v1/hotspots/emerging'>['cells'][number];
export type WallAlert = JsonOf<'/api/v1/alerts'>[number];
