import { describe, expect, test } from 'vitest';
import { messagesEn } from '../i18n/messages-en';
import { messagesRu } from '../i18n/messages-ru';
import { cssColor, GI_BINS, giBinKey, giColor } from './gi-palette';

/** Relative luminance (WCAG), to check that darker means more confident on both sides. */
function luminance([r, g, b]: number[]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r ?? 0) + 0.7152 * linear(g ?? 0) + 0.0722 * linear(b ?? 0);
}

describe('Gi* palette', () => {
  test('ColorBrewer RdBu: red hot, blue cold, the 99 % classes its ends', () => {
    expect(giColor(3)).toEqual([178, 24, 43, 255]);
    expect(giColor(-3)).toEqual([33, 102, 172, 255]);
    for (const bin of [1, 2, 3]) expect(giColor(bin)[0]).toBeGreaterThan(giColor(bin)[2]);
    for (const bin of [-1, -2, -3]) expect(giColor(bin)[2]).toBeGreaterThan(giColor(bin)[0]);
  });

  test('more confidence is darker on both sides, so the order reads without hue too', () => {
    expect(luminance(giColor(3))).toBeLessThan(luminance(giColor(2)));
    expect(luminance(giColor(2))).toBeLessThan(luminance(giColor(1)));
    expect(luminance(giColor(-3))).toBeLessThan(luminance(giColor(-2)));
    expect(luminance(giColor(-2))).toBeLessThan(luminance(giColor(-1)));
  });

  test('not significant is a half-transparent neutral grey; significant bins are opaque and all distinct', () => {
    const [r, g, b, a] = giColor(0);
    expect(r).toBe(g);
    expect(g).toBe(b);
    expect(a).toBeLessThan(255);
    const significant = GI_BINS.filter((bin) => bin !== 0).map((bin) => giColor(bin));
    expect(significant.every((color) => color[3] === 255)).toBe(true);
    expect(new Set(significant.map((color) => color.join())).size).toBe(6);
  });

  test('every bin has a meaning in both languages; out-of-range input clamps', () => {
    for (const bin of GI_BINS) {
      expect(messagesRu[giBinKey(bin)]).toBeTruthy();
      expect(messagesEn[giBinKey(bin)]).toBeTruthy();
    }
    expect(messagesRu[giBinKey(3)]).toBe('Очаг, значимость 99 %');
    expect(giColor(7)).toEqual(giColor(3));
    expect(giBinKey(-9)).toBe('gi.bin.-3');
  });

  test('the legend swatch is the colour the map paints', () => {
    expect(cssColor(giColor(3))).toBe('rgb(178 24 43)');
    expect(cssColor(giColor(0))).toBe('rgb(200 200 200 / 0.431)');
  });
});
