import type { Page } from 'playwright-core';

export interface ColourPixels {
  /** Pixels of each colour asked for (exact within ±3 per channel: the hotspot cells are drawn opaque). */
  counts: number[];
  /** A page point well inside a patch of the first colour (its neighbours 4 px away have it too), or null. */
  point: { x: number; y: number } | null;
}

/** Counts the map canvas's pixels of the given RGB colours (the legend's swatches), as map-pixels does for the scale. */
export function readColourPixels(page: Page, colours: number[][]): Promise<ColourPixels> {
  return page.evaluate((wanted) => {
    const canvas = document.querySelector<HTMLCanvasElement>('.map-view canvas');
    if (!canvas) throw new Error('map canvas missing');
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const context = copy.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('no 2d context');
    context.drawImage(canvas, 0, 0);
    const { data, width, height } = context.getImageData(0, 0, copy.width, copy.height);
    const counts = wanted.map(() => 0);
    const first = new Uint8Array(width * height);
    for (let p = 0; p < width * height; p += 1) {
      const r = data[p * 4] ?? 0;
      const g = data[p * 4 + 1] ?? 0;
      const b = data[p * 4 + 2] ?? 0;
      wanted.forEach(([wr = 0, wg = 0, wb = 0], i) => {
        if (Math.abs(r - wr) <= 3 && Math.abs(g - wg) <= 3 && Math.abs(b - wb) <= 3) {
          counts[i] = (counts[i] ?? 0) + 1;
          if (i === 0) first[p] = 1;
        }
      });
    }
    const rect = canvas.getBoundingClientRect();
    const ratio = canvas.width / rect.width;
    const margin = Math.round(4 * ratio);
    let point: { x: number; y: number } | null = null;
    for (let y = margin; y < height - margin && !point; y += 3) {
      for (let x = margin; x < width - margin; x += 3) {
        const at = (dx: number, dy: number) => first[(y + dy) * width + x + dx] === 1;
        if (at(0, 0) && at(margin, 0) && at(-margin, 0) && at(0, margin) && at(0, -margin)) {
          point = { x: rect.left + x / ratio, y: rect.top + y / ratio };
          break;
        }
      }
    }
    return { counts, point };
  }, colours);
}
