import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '@heatmap/api';
import { cellToLatLng, gridDisk } from 'h3-js';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, waitForMap } from './chromium';
import { buildWebForProduction, type DemoServer, startDemoServer } from './demo-server';
import { addStaffUser, signedInContext } from './staff-session';

const root = resolve(import.meta.dirname, '../..');
const artifacts = resolve(root, 'tests/artifacts');
const CATEGORY = 'Köztisztaság';
/** Messages planted in each cell of the cluster on the last day: far above a quiet cell's floor of 0.5. */
const PER_CELL = 8;

let demo: DemoServer;
let browser: Browser;
let staff: BrowserContext;
/** The last local day of the demo data: the planted spike's day and the wall's "today". */
let at: string;
/** The planted cluster: a quiet res-8 cell and its six neighbours. */
let cluster: string[];

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * A quiet place in a district: a res-8 cell with no message in the 12 weeks before `at` (the emerging
 * steps and the alerts' 8 weeks), nor in the 3 rings around it. /hotspots lists every district cell and
 * every cell with messages, with its count.
 */
async function quietCluster(): Promise<string[]> {
  const answer = await staff.request.get(
    `${demo.url}/api/v1/hotspots?res=8&from=${addDays(at, -84)}&to=${addDays(at, 1)}`,
  );
  const { cells } = (await answer.json()) as { cells: { h3: string; count: number }[] };
  const counts = new Map(cells.map((cell) => [cell.h3, cell.count]));
  // A cell missing from the answer is outside every district and held no message: quiet too.
  const centre = cells.find(
    (cell) => cell.count === 0 && gridDisk(cell.h3, 3).every((near) => (counts.get(near) ?? 0) === 0),
  );
  if (!centre) throw new Error('no quiet place in the demo data');
  return gridDisk(centre.h3, 1);
}

/** PER_CELL messages of one category in each cluster cell at noon on `at`, through the ingest API. */
async function plantCluster(): Promise<void> {
  const messages = cluster.flatMap((h3, cellIndex) => {
    const [lat, lon] = cellToLatLng(h3);
    return Array.from({ length: PER_CELL }, (_, index) => ({
      id: `alerts-plant-${cellIndex}-${index}`,
      createdAt: `${at}T12:${String(index).padStart(2, '0')}:00`,
      category: CATEGORY,
      address: `Budapest, Próba utca ${index + 1}`,
      lat,
      lon,
    }));
  });
  const token = loadConfig(process.env).ingestToken ?? 'dev-ingest-token';
  const response = await fetch(`${demo.url}/api/v1/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(messages),
  });
  if (response.status !== 200)
    throw new Error(`planting failed: ${response.status} ${await response.text()}`);
}

function watchErrors(page: Page): void {
  page.on('pageerror', (error) => {
    throw error;
  });
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  buildWebForProduction();
  demo = await startDemoServer();
  browser = await launchChromium();
  staff = await signedInContext(browser, demo.url, await addStaffUser(demo.db.sql, 'alerts.admin', 'admin'));
  const meta = (await (await fetch(`${demo.url}/api/v1/public/meta`)).json()) as { extent: { to: string } };
  at = meta.extent.to.slice(0, 10);
  cluster = await quietCluster();
  await plantCluster();
});

afterAll(async () => {
  await staff?.close();
  await browser?.close();
  await demo?.close();
});

describe('spikes and new hotspots in Chromium on the demo data with a planted cluster', () => {
  test('the staff map lists the day spikes; a click flies to the cell and opens its drill-down on that day', async () => {
    const page = await staff.newPage();
    watchErrors(page);
    await page.goto(`${demo.url}/`);
    await waitForMap(page);
    const panel = page.getByRole('region', { name: 'Всплески' });
    const centre = cluster[0] as string;
    const item = panel.locator(`[data-alert-cell="${centre}"]`);
    await item.waitFor();
    expect(await panel.locator('[data-alerts-day]').getAttribute('data-alerts-day')).toBe(at);
    // Every planted cell is a spike, each with its category, street and figures.
    const listed = await panel
      .locator('[data-alert-cell]')
      .evaluateAll((items) => items.map((element) => element.getAttribute('data-alert-cell')));
    expect(listed).toEqual(expect.arrayContaining(cluster));
    const text = (await item.textContent()) ?? '';
    expect(text).toContain(CATEGORY);
    expect(text).toContain('Próba utca');
    expect(text).toContain(`${PER_CELL} при норме 0,5`);
    expect(await item.getByRole('img').getAttribute('aria-label')).toMatch(
      new RegExp(`^По дням, 14 дн\\. до \\d\\d\\.\\d\\d: (0, ){13}${PER_CELL}; норма 0,5$`),
    );

    await item.click();
    const drilldown = page.getByRole('region', { name: 'Обращения в выбранной ячейке' });
    await drilldown.getByRole('listitem').first().waitFor();
    const opened = new URL(page.url()).searchParams;
    expect([opened.get('cell'), opened.get('win'), opened.get('from')]).toEqual([centre, 'day', at]);
    // The list may still be loading its page (a pushed change reloads it): wait for the street, not the first item.
    await drilldown.getByText('Próba utca').first().waitFor();
    expect(await item.getAttribute('aria-pressed')).toBe('true');
    // The camera flew to the cell: centred on it, at a zoom that draws res-8 cells.
    await waitForMap(page);
    const view = new URL(page.url()).searchParams;
    const [lat, lon] = cellToLatLng(centre);
    expect(Math.abs(Number(view.get('lat')) - lat)).toBeLessThan(0.01);
    expect(Math.abs(Number(view.get('lon')) - lon)).toBeLessThan(0.01);
    expect(Number(view.get('z'))).toBeGreaterThan(10);
    expect(Number(view.get('z'))).toBeLessThan(11.5);
    await page.screenshot({ path: resolve(artifacts, 'alerts-panel.png') });

    // Keyboard: another spike opens with Enter.
    const other = panel.locator(`[data-alert-cell="${cluster[1]}"]`);
    await other.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (cell) => new URL(location.href).searchParams.get('cell') === cell,
      cluster[1],
    );
    await page.close();
  });

  test('the public map has no spikes panel', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    watchErrors(page);
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${demo.url}/public`);
    await waitForMap(page);
    expect(await page.getByRole('region', { name: 'Всплески' }).count()).toBe(0);
    expect(asked.filter((path) => path.includes('alerts'))).toEqual([]);
    await context.close();
  });

  test('the wall shows the new hotspot and the spikes in words and on the map', async () => {
    const wall = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const account = await addStaffUser(demo.db.sql, 'alerts.room', 'regional');
    const login = await wall.request.post(`${demo.url}/api/v1/auth/login`, { data: account });
    expect(login.ok()).toBe(true);
    const page = await wall.newPage();
    watchErrors(page);
    await page.goto(`${demo.url}/wall?at=${at}&step=30&playback=2&hotspots=1&districts=1`);
    const news = page.locator('[data-wall-step="news"]');
    await news.waitFor({ timeout: 60_000 });
    expect(await page.locator('.wall').getAttribute('data-wall-step-key')).toBe('news:0');
    const kinds = await news
      .locator('[data-wall-news]')
      .evaluateAll((items) => items.map((element) => element.getAttribute('data-wall-news')));
    expect(kinds).toContain('new');
    expect(kinds).toContain('spike');
    const text = (await news.textContent()) ?? '';
    expect(text).toContain('Новый очаг');
    expect(text).toContain(`Всплеск · ${CATEGORY}`);
    expect(text).toContain(`${PER_CELL} при норме 0,5`);
    // The map outlines and numbers those cells.
    await page.waitForFunction(
      () => {
        const drawn = document.querySelector<HTMLElement>('.map-view')?.dataset.drawnLayers ?? '';
        return drawn.includes('wall-news-cells') && drawn.includes('wall-news-labels');
      },
      null,
      { timeout: 30_000 },
    );
    await page.waitForTimeout(1000); // the fly-to takes 0.8 s
    await page.screenshot({ path: resolve(artifacts, 'wall-news.png') });
    await wall.close();
  });

  test('the wall on the public API (no session) has no news step', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    watchErrors(page);
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${demo.url}/wall?at=${at}&step=1&playback=1&hotspots=1&districts=1&speed=4`);
    await page.locator('[data-wall-access="public"]').waitFor({ timeout: 60_000 });
    // Two whole loops, recording every step shown.
    await page.evaluate(() => {
      const wall = document.querySelector<HTMLElement>('.wall');
      const seen: string[] = [];
      (window as unknown as { seenSteps: string[] }).seenSteps = seen;
      if (!wall) return;
      new MutationObserver(() => seen.push(wall.dataset.wallStepKey ?? '')).observe(wall, {
        attributes: true,
        attributeFilter: ['data-wall-step-key'],
      });
    });
    await page.waitForFunction(
      () => Number(document.querySelector<HTMLElement>('.wall')?.dataset.wallCycles) >= 2,
      null,
      {
        timeout: 60_000,
      },
    );
    const seen = await page.evaluate(() => (window as unknown as { seenSteps: string[] }).seenSteps);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.filter((key) => key.startsWith('news'))).toEqual([]);
    // The first /meta is refused by the staff API: from then on the wall never asks the staff-only routes.
    expect(asked.filter((path) => path.includes('/alerts') || path.includes('/emerging'))).toEqual([]);
    await context.close();
  });
});
