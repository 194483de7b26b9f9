import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, waitForMap } from './chromium';
import { buildWebForProduction, type DemoServer, startDemoServer } from './demo-server';
import { readColourPixels } from './hotspot-pixels';
import { addStaffUser, signedInContext } from './staff-session';

const root = resolve(import.meta.dirname, '../..');
const artifacts = resolve(root, 'tests/artifacts');
/** A year of the demo data, the whole city in view. */
const VIEW = 'from=2024-01-01&to=2025-01-01&lat=47.49&lon=19.07&z=11';

let demo: DemoServer;
let browser: Browser;
let staff: BrowserContext;

interface Watched {
  page: Page;
  /** API requests the page made, path and query. */
  requests: string[];
}

async function open(context: BrowserContext, path: string): Promise<Watched> {
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) requests.push(`${url.pathname}${url.search}`);
  });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${demo.url}${path}`);
  await waitForMap(page);
  return { page, requests };
}

async function drawnLayers(page: Page): Promise<string[]> {
  return ((await page.locator('.map-view').getAttribute('data-drawn-layers')) ?? '').split(' ');
}

/** The legend's swatch colours, bin by bin, as the page paints them (data-color: r,g,b,a). */
async function legendColours(page: Page): Promise<Map<number, number[]>> {
  const swatches = await page
    .locator('.hotspot-legend li[data-bin]')
    .evaluateAll((items) =>
      items.map((item) => [
        Number(item.getAttribute('data-bin')),
        (item.querySelector('[data-color]')?.getAttribute('data-color') ?? '').split(',').map(Number),
      ]),
    );
  return new Map(swatches as [number, number[]][]);
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  buildWebForProduction();
  demo = await startDemoServer();
  browser = await launchChromium();
  staff = await signedInContext(
    browser,
    demo.url,
    await addStaffUser(demo.db.sql, 'hotspots.admin', 'admin'),
  );
});

afterAll(async () => {
  await staff?.close();
  await browser?.close();
  await demo?.close();
});

describe('hotspot map modes in Chromium on the demo data', () => {
  test('keyboard to the Gi* mode: the legend, cells in its colours, a tooltip, and the list of significant hot spots', async () => {
    const { page, requests } = await open(staff, `/?${VIEW}`);
    await page.getByRole('radio', { name: 'Шестиугольники' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('mode') === 'gi');
    expect(await page.getByRole('radio', { name: 'Очаги (Gi*)' }).isChecked()).toBe(true);
    await waitForMap(page);
    await page.waitForFunction(() =>
      (document.querySelector<HTMLElement>('.map-view')?.dataset.drawnLayers ?? '').includes('hotspot-bins'),
    );

    const legend = page.getByRole('figure', { name: 'Статистически значимый очаг' });
    expect(await legend.textContent()).toContain('значимость 90/95/99 %, поправка FDR');
    expect(await legend.locator('li').allTextContents()).toEqual([
      'Очаг, значимость 99 %',
      'Очаг, значимость 95 %',
      'Очаг, значимость 90 %',
      'Незначимо',
      'Холодное пятно, значимость 90 %',
      'Холодное пятно, значимость 95 %',
      'Холодное пятно, значимость 99 %',
    ]);
    const colours = await legendColours(page);
    const [hot99, hot95, cold] = [colours.get(3), colours.get(2), colours.get(-3)] as number[][];
    const pixels = await readColourPixels(page, [hot99 ?? [], hot95 ?? [], cold ?? []]);
    // The city centre at 99 % and its surroundings at 95 %: cells painted in the legend's colours.
    expect(pixels.counts[0]).toBeGreaterThan(500);
    expect(pixels.counts[1]).toBeGreaterThan(100);
    await page.screenshot({ path: resolve(artifacts, 'hotspots-gi.png') });

    // The page asked for the whole region (no bbox), at the map's resolution, with the list's place names.
    const asked = requests.filter((url) => url.startsWith('/api/v1/hotspots?')).at(-1) ?? '';
    const query = new URLSearchParams(asked.split('?')[1]);
    expect(query.get('bbox')).toBeNull();
    expect(query.get('places')).toBe('10');

    // A 99 % cell's tooltip says what its colour means, with the count and z.
    if (!pixels.point) throw new Error('no 99 % cell on screen');
    await page.mouse.move(pixels.point.x, pixels.point.y);
    const tooltip = page.getByRole('tooltip');
    await tooltip.waitFor();
    expect(await tooltip.textContent()).toMatch(/Очаг, значимость 99 %Обращений: [\d\s\u00a0]+Gi\* z = \d/);

    // The list: the API's strongest hot spots by z, each with its place and count.
    type Cell = { h3: string; bin: number; z: number; count: number; place?: string | null };
    const answer = (await (await staff.request.get(`${demo.url}${asked}`)).json()) as { cells: Cell[] };
    const strongest = answer.cells
      .filter((cell) => cell.bin >= 2)
      .sort((a, b) => b.z - a.z || (a.h3 < b.h3 ? -1 : 1))
      .slice(0, 10);
    const list = page.getByRole('region', { name: 'Очаги и темы периода' });
    const items = list.locator('.hotspots__cell');
    expect(await items.count()).toBe(strongest.length);
    const first = strongest[0] as Cell;
    expect(first.place).toMatch(/kerület, /);
    expect(await items.first().textContent()).toBe(`${first.place}${first.count.toLocaleString('ru')}`);

    // Enter on the first opens its messages and centres the map on it.
    await items.first().focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction((cell) => new URL(location.href).searchParams.get('cell') === cell, first.h3);
    const region = page.getByRole('region', { name: 'Обращения в выбранной ячейке' });
    await region.getByRole('listitem').first().waitFor();
    expect(await items.first().getAttribute('aria-pressed')).toBe('true');
    await page.close();
  });

  test('the Emerging mode: cells by class, a glyph per class on the map and the same glyph in the legend', async () => {
    const { page, requests } = await open(staff, `/?${VIEW}&mode=emerging`);
    await page.waitForFunction(() =>
      (document.querySelector<HTMLElement>('.map-view')?.dataset.drawnLayers ?? '').includes(
        'emerging-classes',
      ),
    );
    const asked = requests.find((url) => url.startsWith('/api/v1/hotspots/emerging')) ?? '';
    expect(new URLSearchParams(asked.split('?')[1]).get('to')).toBe('2025-01-01');
    const answer = (await (await staff.request.get(`${demo.url}${asked}`)).json()) as {
      steps: number;
      cells: { class: string }[];
    };
    const present = new Set(answer.cells.map((cell) => cell.class));
    const legend = page.getByRole('figure', { name: `Динамика очагов за ${answer.steps} нед.` });
    const shown = await legend.locator('li').evaluateAll((items) =>
      items.map((item) => ({
        name: item.getAttribute('data-class') ?? '',
        glyph: item.querySelector('.hotspot-legend__swatch')?.textContent ?? '',
        label: item.textContent ?? '',
      })),
    );
    expect(new Set(shown.map((item) => item.name))).toEqual(present);
    // Every class with a pattern has a glyph in its swatch; "no pattern" has none.
    const patterned = shown.filter((item) => item.name !== 'no-pattern');
    expect(patterned.length).toBeGreaterThan(0);
    for (const item of patterned) expect(item.glyph, item.name).toMatch(/^[★☆◆◇▲△■□▼▽●○◐◑⬢⬡]$/u);
    expect(new Set(patterned.map((item) => item.glyph)).size).toBe(patterned.length);
    expect(shown.map((item) => item.label).join('|')).toMatch(/очаг|холодное пятно/);
    expect(await drawnLayers(page)).toContain('emerging-glyphs');
    await page.screenshot({ path: resolve(artifacts, 'hotspots-emerging.png') });
    await page.close();
  });

  test('public: the Gi* mode from the public route, bins only; no Emerging mode; the list names district and street, no house number', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const { page, requests } = await open(context, `/public?${VIEW}&mode=gi`);
    await page.waitForFunction(() =>
      (document.querySelector<HTMLElement>('.map-view')?.dataset.drawnLayers ?? '').includes('hotspot-bins'),
    );
    expect(requests.some((url) => url.startsWith('/api/v1/public/hotspots?'))).toBe(true);
    // Opening straight in the Gi* mode, the district names follow the first drawn cells as in the other modes.
    await page.waitForFunction(() =>
      (document.querySelector<HTMLElement>('.map-view')?.dataset.drawnLayers ?? '').includes(
        'district-labels',
      ),
    );
    expect(requests.filter((url) => !url.startsWith('/api/v1/public/'))).toEqual([]);
    const colours = await legendColours(page);
    expect((await readColourPixels(page, [colours.get(3) ?? []])).counts[0]).toBeGreaterThan(500);
    expect(await page.getByRole('radio', { name: 'Динамика очагов' }).count()).toBe(0);
    const districts = new Set(
      (
        (await (await context.request.get(`${demo.url}/api/v1/public/meta`)).json()) as {
          districts: { name: string }[];
        }
      ).districts.map((district) => district.name),
    );
    const names = await page.locator('.hotspots__cell > span:first-child').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      expect(districts.has(name.split(', ')[0] as string), name).toBe(true);
      expect(name, name).not.toMatch(/\d+\s*$/);
    }
    await page.screenshot({ path: resolve(artifacts, 'hotspots-public.png') });

    // An emerging link on the public map shows the hexagons instead.
    await page.goto(`${demo.url}/public?${VIEW}&mode=emerging`);
    await waitForMap(page);
    expect(await page.getByRole('radio', { name: 'Шестиугольники' }).isChecked()).toBe(true);
    await context.close();
  });
});
