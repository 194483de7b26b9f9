import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, waitForMap } from './chromium';
import { buildWebForProduction, type DemoServer, startDemoServer } from './demo-server';
import { addStaffUser, signedInContext } from './staff-session';
import { CROSSING, writeStreetArchive } from './street-fixture';

const artifacts = resolve(import.meta.dirname, '../artifacts');
/** Protomaps' light flavour: major roads are white on #e2dfda land, their names #938a8d. */
const ROAD = [255, 255, 255];
const LABEL = [0x93, 0x8a, 0x8d];
/** The hexagons of a district far from the streets (XXIII.), so none is drawn over them. */
const FAR_DISTRICT = encodeURIComponent('XXIII. kerület');

let demo: DemoServer;
let browser: Browser;
let staff: BrowserContext;

interface OpenedPage {
  page: Page;
  /** Every URL the page asked for. */
  requests: string[];
  /** Status of each answer for the archive. */
  archiveStatuses: number[];
}

async function open(context: BrowserContext, path: string): Promise<OpenedPage> {
  const page = await context.newPage();
  const requests: string[] = [];
  const archiveStatuses: number[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/basemap/region.pmtiles')
      archiveStatuses.push(response.status());
  });
  await page.goto(`${demo.url}${path}`);
  await waitForMap(page);
  return { page, requests, archiveStatuses };
}

interface StreetPixels {
  /** Share of the columns whose pixels in the crossing's row (±2 px) are road colour. */
  roadAlongRow: number;
  /** The same, 120 px above the street, where only land is. */
  roadAboveRow: number;
  /** Pixels of the label colour within 10 px of the eastward street (names sit on it), and as many rows 120 px above. */
  labelNearStreet: number;
  labelAway: number;
}

/** Reads the canvas: the view is centred on CROSSING, so the eastward street runs through the middle row. */
function readStreetPixels(page: Page): Promise<StreetPixels> {
  return page.evaluate(
    ({ road, label }) => {
      const canvas = document.querySelector<HTMLCanvasElement>('.map-view canvas');
      if (!canvas) throw new Error('no map canvas');
      const copy = document.createElement('canvas');
      copy.width = canvas.width;
      copy.height = canvas.height;
      const context = copy.getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('no 2d context');
      context.drawImage(canvas, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, copy.width, copy.height);
      const near = (x: number, y: number, colour: number[], tolerance: number) =>
        [0, 1, 2].every(
          (k) => Math.abs((data[(y * width + x) * 4 + k] ?? 0) - (colour[k] ?? 0)) <= tolerance,
        );
      const ratio = canvas.width / canvas.getBoundingClientRect().width;
      const middle = Math.round(height / 2);
      const shareOfRow = (row: number) => {
        let columns = 0;
        for (let x = 0; x < width; x += 1) {
          for (let dy = -2; dy <= 2; dy += 1) {
            if (near(x, row + dy, road, 6)) {
              columns += 1;
              break;
            }
          }
        }
        return columns / width;
      };
      // Left of and right of the northward street (its own name runs along it),: near its colour and redder
      // than blue, which the bluish district outlines (#7d8796) and their blends with the land are not.
      const centre = Math.round(width / 2);
      const redder = (x: number, y: number) =>
        (data[(y * width + x) * 4] ?? 0) > (data[(y * width + x) * 4 + 2] ?? 0);
      const labelPixels = (from: number, to: number) => {
        let count = 0;
        for (let y = from; y < to; y += 1) {
          for (let x = 0; x < width; x += 1) {
            if (Math.abs(x - centre) > 40 * ratio && near(x, y, label, 24) && redder(x, y)) count += 1;
          }
        }
        return count;
      };
      const band = Math.round(10 * ratio);
      const away = middle - Math.round(120 * ratio);
      return {
        roadAlongRow: shareOfRow(middle),
        roadAboveRow: shareOfRow(away),
        labelNearStreet: labelPixels(middle - band, middle + band),
        labelAway: labelPixels(away - band, away + band),
      };
    },
    { road: ROAD, label: LABEL },
  );
}

function foreignRequests(requests: string[]): string[] {
  return requests.filter((url) => !url.startsWith(`${demo.url}/`) && !/^(data|blob):/.test(url));
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  buildWebForProduction();
  const file = join(mkdtempSync(join(tmpdir(), 'streets-')), 'region.pmtiles');
  writeStreetArchive(file);
  demo = await startDemoServer('server', { HEATMAP_BASEMAP: file, HEATMAP_BASEMAP_LANG: 'hu' });
  browser = await launchChromium();
  staff = await signedInContext(browser, demo.url, await addStaffUser(demo.db.sql, 'basemap.admin', 'admin'));
});

afterAll(async () => {
  await staff?.close();
  await browser?.close();
  await demo?.close();
});

describe('the street basemap from one PMTiles file, in Chromium', () => {
  test('the staff map draws the streets and their names from our server only, and zooming reads byte ranges', async () => {
    const { page, requests, archiveStatuses } = await open(
      staff,
      `/?lat=${CROSSING.lat}&lon=${CROSSING.lon}&z=14&district=${FAR_DISTRICT}`,
    );
    await page.screenshot({ path: resolve(artifacts, 'basemap-staff.png') });
    // Names fade in after the frame that placed them: wait for them, then read once.
    await expect.poll(async () => (await readStreetPixels(page)).labelNearStreet).toBeGreaterThan(40);
    const pixels = await readStreetPixels(page);
    expect(pixels.roadAlongRow).toBeGreaterThan(0.6);
    expect(pixels.roadAboveRow).toBeLessThan(0.05);
    expect(pixels.labelAway).toBeLessThan(pixels.labelNearStreet / 3);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('OpenStreetMap');
    expect(archiveStatuses.length).toBeGreaterThan(0);
    expect(archiveStatuses.every((status) => status === 206)).toBe(true);

    const before = archiveStatuses.length;
    const frames = await page.$eval('.map-view', (element) =>
      Number((element as HTMLElement).dataset.frames),
    );
    await page.locator('.maplibregl-ctrl-zoom-in').click();
    await waitForMap(page, frames);
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('.map-view')?.dataset.idle === 'true',
    );
    expect(archiveStatuses.length).toBeGreaterThan(before);
    expect(archiveStatuses.every((status) => status === 206)).toBe(true);
    expect(foreignRequests(requests)).toEqual([]);
    await page.close();
  });

  test('the public map draws the streets too, with no request leaving our origin', async () => {
    const context = await browser.newContext();
    const { page, requests } = await open(
      context,
      `/public?lat=${CROSSING.lat}&lon=${CROSSING.lon}&z=13&district=${FAR_DISTRICT}`,
    );
    await page.screenshot({ path: resolve(artifacts, 'basemap-public.png') });
    await expect.poll(async () => (await readStreetPixels(page)).labelNearStreet).toBeGreaterThan(15);
    const pixels = await readStreetPixels(page);
    expect(pixels.roadAlongRow).toBeGreaterThan(0.6);
    expect(pixels.roadAboveRow).toBeLessThan(0.05);
    expect(pixels.labelAway).toBeLessThan(pixels.labelNearStreet / 3);
    expect(foreignRequests(requests)).toEqual([]);
    await context.close();
  });

  test('the embed draws the streets and their names too', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 500 } });
    const { page, requests } = await open(
      context,
      `/embed?lat=${CROSSING.lat}&lon=${CROSSING.lon}&z=13&district=${FAR_DISTRICT}`,
    );
    await expect.poll(async () => (await readStreetPixels(page)).labelNearStreet).toBeGreaterThan(15);
    const pixels = await readStreetPixels(page);
    expect(pixels.roadAlongRow).toBeGreaterThan(0.6);
    expect(pixels.roadAboveRow).toBeLessThan(0.05);
    expect(foreignRequests(requests)).toEqual([]);
    await context.close();
  });

  test('the wall reads the archive for its dark map, with the licence and no foreign request', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    const requests: string[] = [];
    const archiveStatuses: number[] = [];
    page.on('request', (request) => requests.push(request.url()));
    page.on('response', (response) => {
      if (new URL(response.url()).pathname === '/basemap/region.pmtiles')
        archiveStatuses.push(response.status());
    });
    await page.goto(`${demo.url}/wall`);
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('.map-view')?.dataset.idle === 'true',
      null,
      { timeout: 60_000 },
    );
    await page.screenshot({ path: resolve(artifacts, 'basemap-wall.png') });
    expect(archiveStatuses.length).toBeGreaterThan(1);
    expect(archiveStatuses.every((status) => status === 206)).toBe(true);
    expect(await page.locator('.maplibregl-ctrl-attrib').textContent()).toContain('OpenStreetMap');
    expect(foreignRequests(requests)).toEqual([]);
    await context.close();
  });
});
