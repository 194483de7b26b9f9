import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BACKENDS } from '@heatmap/api/test-support';
import { check } from '@placemarkio/check-geojson';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, waitForMap } from './chromium';
import { buildWebForProduction, type DemoServer, startDemoServer } from './demo-server';
import { addStaffUser, signedInContext } from './staff-session';

/** The caption band under the map, in CSS pixels (CAPTION_BAND_CSS in web/src/export/map-png.ts). */
const CAPTION_BAND_CSS = 76;
/** A month of the demo data, zoomed into central Budapest so the view is a part of the region. */
const VIEW = '?from=2025-03-01&to=2025-04-01&lat=47.497&lon=19.05&z=14';

type Ring = number[][];
type Collection = {
  type: string;
  features: { geometry: { type: string; coordinates: Ring[] }; properties: Record<string, unknown> }[];
};

let browser: Browser;
const artifacts = resolve(import.meta.dirname, '../artifacts');

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  buildWebForProduction();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** Width and height from the PNG's IHDR chunk (bytes 16..23, big-endian), after checking the signature. */
function pngDimensions(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i += 1) {
    const [x1 = 0, y1 = 0] = ring[i] ?? [];
    const [x2 = 0, y2 = 0] = ring[i + 1] ?? [];
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

async function downloaded(page: Page, start: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), start()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** The PNG button, pressed from the keyboard: a file of the map at 2× plus the caption band at 2×. */
async function expectPng(page: Page, name: string): Promise<void> {
  const css = await page.$eval('canvas.maplibregl-canvas', (canvas) => ({
    width: Math.round(canvas.clientWidth),
    height: Math.round(canvas.clientHeight),
  }));
  await page.getByRole('button', { name: 'PNG' }).focus();
  const png = await downloaded(page, () => page.keyboard.press('Enter'));
  expect(png.name).toMatch(/^heatmap-\d{4}-\d{2}-\d{2}\.png$/);
  writeFileSync(resolve(artifacts, `${name}.png`), png.bytes);
  // The hexagons fill the picture's map area, not one corner of it (a 2× buffer with a 1× deck.gl
  // viewport does that): each quarter of the map area holds coloured (hexagon) pixels.
  const quarters = await page.evaluate(
    async ({ base64, band }) => {
      const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(image.width, image.height);
      const context = canvas.getContext('2d') as OffscreenCanvasRenderingContext2D;
      context.drawImage(image, 0, 0);
      const mapHeight = image.height - band;
      const counts = [0, 0, 0, 0];
      const { data } = context.getImageData(0, 0, image.width, mapHeight);
      for (let y = 0; y < mapHeight; y += 4) {
        for (let x = 0; x < image.width; x += 4) {
          const at = (y * image.width + x) * 4;
          const [r = 0, g = 0, b = 0] = [data[at], data[at + 1], data[at + 2]];
          if (Math.max(r, g, b) - Math.min(r, g, b) > 40) {
            const quarter = (y < mapHeight / 2 ? 0 : 2) + (x < image.width / 2 ? 0 : 1);
            counts[quarter] = (counts[quarter] ?? 0) + 1;
          }
        }
      }
      return counts;
    },
    { base64: png.bytes.toString('base64'), band: CAPTION_BAND_CSS * 2 },
  );
  for (const count of quarters) expect(count).toBeGreaterThan(50);
  expect(pngDimensions(png.bytes)).toEqual({
    width: css.width * 2,
    height: (css.height + CAPTION_BAND_CSS) * 2,
  });
}

/** The GeoJSON button: valid RFC 7946, closed counter-clockwise lon/lat rings, one feature per loaded cell. */
async function expectGeoJson(page: Page, cells: Record<string, unknown>[]): Promise<Collection> {
  const file = await downloaded(page, () => page.getByRole('button', { name: 'GeoJSON' }).click());
  expect(file.name).toMatch(/^heatmap-\d{4}-\d{2}-\d{2}\.geojson$/);
  const text = file.bytes.toString('utf8');
  expect(() => check(text)).not.toThrow();
  const collection = JSON.parse(text) as Collection;
  expect(collection.features.length).toBeGreaterThan(0);
  for (const feature of collection.features) {
    const [ring = []] = feature.geometry.coordinates;
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(signedArea(ring)).toBeGreaterThan(0);
    const [lon = 0, lat = 0] = ring[0] ?? [];
    expect(lon).toBeGreaterThan(18.8);
    expect(lon).toBeLessThan(19.4);
    expect(lat).toBeGreaterThan(47.3);
    expect(lat).toBeLessThan(47.7);
  }
  expect(collection.features.map((feature) => feature.properties)).toEqual(cells);
  return collection;
}

/** Opens a page and keeps the cells of the latest hexagons answer the map drew from. */
async function openMap(context: BrowserContext, url: string, hexagonsPath: string) {
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  const answers: Promise<Record<string, unknown>[]>[] = [];
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === hexagonsPath) {
      answers.push(response.json().then((body) => (body as { cells: Record<string, unknown>[] }).cells));
    }
  });
  await page.goto(url);
  await waitForMap(page);
  const latest = async () => (await Promise.all(answers)).at(-1) ?? [];
  return { page, latest };
}

function csvRows(bytes: Buffer): number {
  return bytes.toString('utf8').trim().split('\n').length - 1;
}

describe.each(BACKENDS)('exports in Chromium (%s backend)', (backend) => {
  let demo: DemoServer;
  let staff: BrowserContext;

  beforeAll(async () => {
    demo = await startDemoServer(backend);
    staff = await signedInContext(
      browser,
      demo.url,
      await addStaffUser(demo.db.sql, 'exports.admin', 'admin'),
    );
  });

  afterAll(async () => {
    await staff?.close();
    await demo?.close();
  });

  test('staff: PNG at the stated size, GeoJSON validates, CSV panel exports the visible area or the whole region', async () => {
    const { page, latest } = await openMap(staff, `${demo.url}/${VIEW}`, '/api/v1/hexagons');
    await expectPng(page, `export-staff-${backend}`);
    await expectGeoJson(page, await latest());

    const button = page.getByRole('button', { name: 'Выгрузить CSV' });
    await button.click();
    const dialog = page.getByRole('dialog', { name: 'Выгрузка обращений в CSV' });
    expect(await dialog.textContent()).toContain('с 2025-03-01 по 2025-04-01');
    const visible = await downloaded(page, () => dialog.getByRole('link', { name: 'Скачать CSV' }).click());
    expect(visible.name).toBe('messages.csv');
    await dialog.getByRole('radio', { name: 'Весь регион' }).check();
    const region = await downloaded(page, () => dialog.getByRole('link', { name: 'Скачать CSV' }).click());
    expect(csvRows(visible.bytes)).toBeGreaterThan(0);
    expect(csvRows(visible.bytes)).toBeLessThan(csvRows(region.bytes));
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.close();
  });

  test('public: PNG and GeoJSON, the GeoJSON carrying only what the public hexagons answer carried', async () => {
    // A 2× screen: the map's own canvas is already at the file's resolution (staff above is at 1×).
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      deviceScaleFactor: 2,
    });
    const { page, latest } = await openMap(context, `${demo.url}/public${VIEW}`, '/api/v1/public/hexagons');
    await expectPng(page, `export-public-${backend}`);
    const collection = await expectGeoJson(page, await latest());
    for (const feature of collection.features) {
      expect(Object.keys(feature.properties).sort()).toEqual(['count', 'h3', 'medianAnswerMinutes', 'open']);
    }
    expect(await page.getByRole('button', { name: 'Выгрузить CSV' }).count()).toBe(0);
    await context.close();
  });
});
