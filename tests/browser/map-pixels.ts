import type { Page } from 'playwright-core';

export interface MapPixels {
  /** Pixels whose colour is a colour of the legend's scale (as drawn over the basemap). */
  scalePixels: number;
  /** A page point well inside a drawn hexagon (all neighbours within 4 px in the scale too). */
  hexPoint: { x: number; y: number } | null;
  /** Pixels of the selected cell's outline colour. */
  outlinePixels: number;
  /** A cheap fingerprint of the whole image, to tell frames apart. */
  hash: number;
}

/**
 * Reads the map canvas back (the app draws with preserveDrawingBuffer) and classifies pixels
 * against the colours of the legend's gradient, parsed from the page: what the map paints must be
 * what the legend says (hexagons and districts are drawn opaque, so colours are exact).
 */
export function readMapPixels(page: Page): Promise<MapPixels> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.map-view canvas');
    const bar = document.querySelector<HTMLElement>('.legend__bar');
    if (!canvas || !bar) throw new Error('map canvas or legend missing');
    const stops = [...getComputedStyle(bar).backgroundImage.matchAll(/rgb\((\d+), (\d+), (\d+)\)/g)].map(
      (m) => [Number(m[1]), Number(m[2]), Number(m[3])],
    );
    const palette: number[][] = [];
    for (let i = 0; i + 1 < stops.length; i += 1) {
      for (let step = 0; step <= 16; step += 1) {
        const t = step / 16;
        const a = stops[i] as number[];
        const b = stops[i + 1] as number[];
        palette.push([0, 1, 2].map((k) => (a[k] ?? 0) + ((b[k] ?? 0) - (a[k] ?? 0)) * t));
      }
    }
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d context');
    context.drawImage(canvas, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, copy.width, copy.height);
    const inScale = new Uint8Array(width * height);
    let scalePixels = 0;
    let outlinePixels = 0;
    let hash = 0;
    for (let p = 0; p < width * height; p += 1) {
      const r = data[p * 4] ?? 0;
      const g = data[p * 4 + 1] ?? 0;
      const b = data[p * 4 + 2] ?? 0;
      hash = (hash * 31 + r * 7 + g * 13 + b) | 0;
      if (Math.abs(r - 230) < 20 && Math.abs(g - 57) < 25 && Math.abs(b - 70) < 25) outlinePixels += 1;
      for (const [pr = 0, pg = 0, pb = 0] of palette) {
        if (Math.abs(r - pr) <= 3 && Math.abs(g - pg) <= 3 && Math.abs(b - pb) <= 3) {
          inScale[p] = 1;
          scalePixels += 1;
          break;
        }
      }
    }
    let hexPoint: { x: number; y: number } | null = null;
    const rect = canvas.getBoundingClientRect();
    const ratio = canvas.width / rect.width;
    const margin = Math.round(4 * ratio);
    for (let y = margin; y < height - margin && !hexPoint; y += 3) {
      for (let x = margin; x < width - margin; x += 3) {
        const at = (dx: number, dy: number) => inScale[(y + dy) * width + x + dx] === 1;
        if (at(0, 0) && at(margin, 0) && at(-margin, 0) && at(0, margin) && at(0, -margin)) {
          hexPoint = { x: rect.left + x / ratio, y: rect.top + y / ratio };
          break;
        }
      }
    }
    return { scalePixels, hexPoint, outlinePixels, hash };
  });
}
