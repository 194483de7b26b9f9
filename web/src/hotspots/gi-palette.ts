import type { MessageKey } from '../i18n/messages-ru';

/** A Gi* bin as the API sends it: ±1, ±2, ±3 for 90, 95, 99 % confidence (FDR-corrected), 0 for none. */
export type GiBin = -3 | -2 | -1 | 0 | 1 | 2 | 3;
export type Rgba = [number, number, number, number];

/** Hot first, then not significant, then cold: the legend's order. */
export const GI_BINS: readonly GiBin[] = [3, 2, 1, 0, -1, -2, -3];

/**
 * ColorBrewer RdBu, 7 classes (diverging, marked colour-blind safe): red hot, blue cold, darker for more
 * confidence. The middle class is a light grey instead of RdBu's near-white, drawn half transparent: "not
 * significant" still shows the study area without hiding the streets under it.
 */
const COLORS: Record<GiBin, Rgba> = {
  3: [178, 24, 43, 255],
  2: [239, 138, 98, 255],
  1: [253, 219, 199, 255],
  0: [200, 200, 200, 110],
  [-1]: [209, 229, 240, 255],
  [-2]: [103, 169, 207, 255],
  [-3]: [33, 102, 172, 255],
};

export function giColor(bin: number): Rgba {
  return COLORS[(Math.max(-3, Math.min(3, Math.trunc(bin))) || 0) as GiBin];
}

/** What a bin means, in words (the legend and the tooltip). */
export function giBinKey(bin: number): MessageKey {
  const clamped = Math.max(-3, Math.min(3, Math.trunc(bin))) || 0;
  return `gi.bin.${clamped}` as MessageKey;
}

/** A CSS colour for a legend swatch: the same RGBA the map paints. */
export function cssColor([r, g, b, a]: Rgba): string {
  return a === 255 ? `rgb(${r} ${g} ${b})` : `rgb(${r} ${g} ${b} / ${(a / 255).toFixed(3)})`;
}
