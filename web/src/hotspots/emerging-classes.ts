import type { MessageKey } from '../i18n/messages-ru';
import type { Rgba } from './gi-palette';

/** The API's emerging classes (docs/hotspots.md §2), in the legend's order: hot, cold, then no pattern. */
export const EMERGING_CLASSES = [
  'new-hot',
  'consecutive-hot',
  'intensifying-hot',
  'persistent-hot',
  'diminishing-hot',
  'sporadic-hot',
  'oscillating-hot',
  'historical-hot',
  'new-cold',
  'consecutive-cold',
  'intensifying-cold',
  'persistent-cold',
  'diminishing-cold',
  'sporadic-cold',
  'oscillating-cold',
  'historical-cold',
  'no-pattern',
] as const;
export type EmergingClassName = (typeof EMERGING_CLASSES)[number];

export interface EmergingStyle {
  color: Rgba;
  /** Drawn at the cell's centre and beside the legend's name: the class reads without colour. */
  glyph: string;
}

/**
 * Each pattern has its own shape; hot is the filled shape and cold the outlined one, so hot against cold does not
 * rest on red against blue either. Colours: reds for hot, blues for cold, the "now" classes (new, consecutive,
 * intensifying) the strongest. Glyphs are from Unicode's geometric shapes, which the common system fonts
 * (DejaVu, Segoe UI Symbol, Apple Symbols) all carry.
 */
const PATTERNS = {
  new: { glyph: ['★', '☆'], hot: [165, 0, 38], cold: [49, 54, 149] },
  consecutive: { glyph: ['◆', '◇'], hot: [215, 48, 39], cold: [69, 117, 180] },
  intensifying: { glyph: ['▲', '△'], hot: [244, 109, 67], cold: [116, 173, 209] },
  persistent: { glyph: ['■', '□'], hot: [203, 24, 29], cold: [8, 81, 156] },
  diminishing: { glyph: ['▼', '▽'], hot: [252, 146, 114], cold: [158, 202, 225] },
  sporadic: { glyph: ['●', '○'], hot: [251, 106, 74], cold: [66, 146, 198] },
  oscillating: { glyph: ['◐', '◑'], hot: [253, 174, 97], cold: [171, 217, 233] },
  historical: { glyph: ['⬢', '⬡'], hot: [254, 224, 144], cold: [224, 243, 248] },
} as const satisfies Record<string, { glyph: readonly [string, string]; hot: number[]; cold: number[] }>;

const NO_PATTERN: EmergingStyle = { color: [200, 200, 200, 110], glyph: '' };

export function emergingStyle(name: string): EmergingStyle {
  const [pattern, side] = name.split('-') as [keyof typeof PATTERNS, string];
  const style = PATTERNS[pattern];
  if (!style || (side !== 'hot' && side !== 'cold')) return NO_PATTERN;
  const [r, g, b] = side === 'hot' ? style.hot : style.cold;
  return { color: [r, g, b, 255], glyph: style.glyph[side === 'hot' ? 0 : 1] };
}

/** Dark glyphs on light fills and white ones on dark fills (WCAG relative luminance), on the map and in the legend. */
export function glyphColor([r, g, b]: Rgba): Rgba {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const luminance = 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  return luminance < 0.2 ? [255, 255, 255, 255] : [20, 24, 31, 255];
}

export function emergingKey(name: string): MessageKey {
  return `emerging.${(EMERGING_CLASSES as readonly string[]).includes(name) ? name : 'no-pattern'}` as MessageKey;
}

/** Every glyph, for the text layer's font atlas. */
export const EMERGING_GLYPHS = EMERGING_CLASSES.map((name) => emergingStyle(name).glyph).join('');
