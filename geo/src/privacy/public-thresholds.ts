/** The finest H3 resolution the public (no sign-in) may see: res-8 cells are ~0.7 km² (edge ~460 m). */
export const PUBLIC_MAX_RESOLUTION = 8;

/** k: a public count below this is not shown (a cell, district or category with 1-4 messages). */
export const MIN_PUBLIC_COUNT = 5;

/**
 * The public map names a cell's street only when at least this many of its messages (all time, all
 * categories) name it: a street fewer residents wrote could point at one of them.
 */
export const MIN_PUBLIC_STREET_COUNT = 5;
