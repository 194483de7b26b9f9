/** The H3 resolutions the API serves and stores for every message. */
export const MIN_RESOLUTION = 5;
export const MAX_RESOLUTION = 10;
export const RESOLUTIONS = [5, 6, 7, 8, 9, 10] as const;
export type Resolution = (typeof RESOLUTIONS)[number];
/** Resolutions kept in the pre-aggregate; finer views read messages directly. */
export const ROLLUP_RESOLUTIONS = [5, 6, 7, 8] as const;

export function isResolution(value: number): value is Resolution {
  return Number.isInteger(value) && value >= MIN_RESOLUTION && value <= MAX_RESOLUTION;
}
