import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig, type RunningServer, startServer } from '@heatmap/api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from './chromium';
import { type DemoServer, startDemoServer } from './demo-server';
import { addStaffUser, type StaffAccount } from './staff-session';

const root = resolve(import.meta.dirname, '../..');
const artifacts = resolve(root, 'tests/artifacts');
const POLL_SECONDS = 2;

let demo: DemoServer;
let server: RunningServer;
let browser: Browser;
/** The last local day of the demo data: the wall's "today" for this run. */
let at: string;
/** The control room's account: the wall is signed in once, like any staff browser. */
let regional: StaffAccount;

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  execFileSync('pnpm', ['--filter', '@heatmap/web', 'build'], { cwd: root, stdio: 'ignore' });
  demo = await startDemoServer();
  server = demo.server;
  browser = await launchChromium();
  regional = await addStaffUser(demo.db.sql, 'wall-regional', 'regional');
  // The public meta gives the last day as a local date already.
  const meta = (await (await fetch(`${demo.url}/api/v1/public/meta`)).json()) as { extent: { to: string } };
  at = meta.extent.to.slice(0, 10);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await demo?.db.close();
});

async function openWall(query: string, account?: StaffAccount): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  if (account) {
    const response = await context.request.post(`${demo.url}/api/v1/auth/login`, { data: account });
    if (!response.ok()) throw new Error(`sign-in failed: ${response.status()}`);
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${demo.url}/wall?${query}`);
  await page.waitForFunction(
    () => {
      const map = document.querySelector<HTMLElement>('.map-view');
      return Number(map?.dataset.frames ?? 0) > 0 && document.querySelector('[data-wall-step]') !== null;
    },
    null,
    { timeout: 60_000 },
  );
  return page;
}

const headline = (page: Page, key: string) =>
  page.$eval(`[data-wall-headline="${key}"]`, (element) => element.textContent ?? '');
const stepKey = (page: Page) =>
  page.$eval('.wall', (element) => (element as HTMLElement).dataset.wallStepKey ?? '');

describe('wall display in Chromium on the demo data', () => {
  test('cycles through hotspots, updates on ingest, goes stale when the server stops and recovers', async () => {
    const page = await openWall(
      `at=${at}&poll=${POLL_SECONDS}&step=3&playback=4&hotspots=3&districts=2`,
      regional,
    );

    // The headline is there in numbers, the status is live, and nothing shows a scrollbar or a cursor.
    await page.waitForSelector('[data-wall-status="live"]');
    expect(await headline(page, 'open')).toMatch(/^\d[\d\s\u00a0]*$/);
    expect(await headline(page, 'change')).toMatch(/%$/);
    const layout = await page.evaluate(() => ({
      cursor: getComputedStyle(document.querySelector('.wall') as Element).cursor,
      scrolls: document.documentElement.scrollHeight > window.innerHeight,
    }));
    expect(layout).toEqual({ cursor: 'none', scrolls: false });
    expect(await page.$('[data-wall-access="public"]')).toBeNull();

    // It cycles on its own: the focused hotspot changes.
    await page.waitForSelector('[data-wall-step="hotspot"]', { timeout: 30_000 });
    const firstCell = await page.$eval('[data-wall-cell]', (e) => e.getAttribute('data-wall-cell'));
    await page.waitForFunction(
      (cell) => {
        const now = document.querySelector('[data-wall-cell]')?.getAttribute('data-wall-cell');
        return now !== undefined && now !== null && now !== cell;
      },
      firstCell,
      // Up to a whole loop: the news step, 3 hotspots, 2 districts and 2 playbacks, slow under load.
      { timeout: 30_000 },
    );
    await page.waitForSelector('.wall-panel__list li', { timeout: 10_000 });
    await page.waitForTimeout(1200); // the fly-to takes 0.8 s
    await page.screenshot({ path: resolve(artifacts, 'wall.png') });
    await page.waitForSelector('[data-wall-step="playback"]', { timeout: 30_000 });
    await page.waitForTimeout(2000);
    await page.screenshot({ path: resolve(artifacts, 'wall-playback.png') });

    // A new message today shows in the headline within a poll or two.
    const before = Number((await headline(page, 'today')).replace(/\D/g, ''));
    const token = loadConfig(process.env).ingestToken ?? 'dev-ingest-token';
    const posted = await fetch(`${demo.url}/api/v1/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify([
        {
          id: 'wall-test-1',
          createdAt: `${at}T12:00:00`,
          category: 'Köztisztaság',
          lat: 47.4979,
          lon: 19.0402,
        },
      ]),
    });
    expect(posted.status).toBe(200);
    const ingestedAt = Date.now();
    await page.waitForFunction(
      (expected) =>
        Number(document.querySelector('[data-wall-headline="today"]')?.textContent?.replace(/\D/g, '')) ===
        expected,
      before + 1,
      { timeout: POLL_SECONDS * 1000 * 3 + 5000 },
    );
    console.log(`headline updated ${Date.now() - ingestedAt} ms after ingest (poll ${POLL_SECONDS} s)`);

    // The server goes away: the wall keeps its data and says since when it is stale.
    const port = Number(new URL(demo.url).port);
    await server.close();
    await page.waitForSelector('[data-wall-status="stale"]', { timeout: 30_000 });
    expect(await page.textContent('[data-wall-status]')).toMatch(/^данные от \d\d:\d\d \(нет связи\)$/);
    expect(Number((await headline(page, 'today')).replace(/\D/g, ''))).toBe(before + 1);
    const keyWhileDown = await stepKey(page);
    await page.waitForFunction(
      (key) => document.querySelector<HTMLElement>('.wall')?.dataset.wallStepKey !== key,
      keyWhileDown,
      {
        timeout: 20_000,
      },
    );
    await page.screenshot({ path: resolve(artifacts, 'wall-stale.png') });

    // It comes back on the same address: the wall reconnects by itself.
    const config = { ...loadConfig({ ...process.env, PORT: String(port) }), timezone: demo.db.timezone };
    server = await startServer(config, { db: demo.db });
    const restartedAt = Date.now();
    await page.waitForSelector('[data-wall-status="live"]', { timeout: 30_000 });
    console.log(`reconnected ${Date.now() - restartedAt} ms after the server restarted`);
    expect(Number((await headline(page, 'today')).replace(/\D/g, ''))).toBe(before + 1);
    expect(await page.$('[data-wall-access="public"]')).toBeNull();
    await page.context().close();
  });

  test('without a session it falls back to the public API and says so; named districts, in English', async () => {
    const districts = 'V. kerület,XIII. kerület';
    const page = await openWall(
      `lang=en&at=${at}&district=${encodeURIComponent(districts)}&step=2&playback=2&hotspots=1`,
    );
    const seen = new Set<string>();
    const started = Date.now();
    while (Date.now() - started < 20_000 && seen.size < 2) {
      const name = await page
        .$eval('[data-wall-step="district"] h2', (e) => e.textContent ?? '')
        .catch(() => null);
      if (name) seen.add(name);
      await page.waitForTimeout(200);
    }
    expect([...seen].sort()).toEqual(['V. kerület', 'XIII. kerület']);
    expect(await page.textContent('[data-wall-headline="today"]')).not.toBeNull();
    expect(await page.textContent('.wall-headline')).toContain('Versus last week');
    expect(await page.textContent('[data-wall-access="public"]')).toBe('Public data');
    await page.screenshot({ path: resolve(artifacts, 'wall-en-districts.png') });
    await page.context().close();
  });
});
