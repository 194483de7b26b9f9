import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { loadConfig } from '@heatmap/api';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium, waitForMap } from './chromium';
import { type DemoServer, startDemoServer } from './demo-server';
import { addStaffUser, type StaffAccount, signedInContext } from './staff-session';

const root = resolve(import.meta.dirname, '../..');

let demo: DemoServer;
let browser: Browser;
let regional: StaffAccount;
/** The last local day of the demo data. */
let at: string;
let posted = 0;

beforeAll(async () => {
  execFileSync('pnpm', ['--filter', '@heatmap/web', 'build'], { cwd: root, stdio: 'ignore' });
  demo = await startDemoServer();
  browser = await launchChromium();
  regional = await addStaffUser(demo.db.sql, 'live-regional', 'regional');
  const meta = (await (await fetch(`${demo.url}/api/v1/public/meta`)).json()) as { extent: { to: string } };
  at = meta.extent.to.slice(0, 10);
});

afterAll(async () => {
  await browser?.close();
  await demo?.close();
});

async function postMessage(): Promise<number> {
  const token = loadConfig(process.env).ingestToken ?? 'dev-ingest-token';
  const response = await fetch(`${demo.url}/api/v1/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify([
      {
        id: `live-${posted++}`,
        createdAt: `${at}T11:00:00`,
        category: 'Köztisztaság',
        lat: 47.4979,
        lon: 19.0402,
      },
    ]),
  });
  expect(response.status).toBe(200);
  return Date.now();
}

/** The API paths a page asks for from now on, with when. */
function recordRequests(page: Page) {
  const seen: { path: string; at: number }[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) seen.push({ path: url.pathname, at: Date.now() });
  });
  return seen;
}

const number = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

describe('pushed updates in Chromium', () => {
  test('the wall moves on a new message through the stream, without polling while the stream is open', async () => {
    const context = await signedInContext(browser, demo.url, regional);
    const page = await context.newPage();
    const requests = recordRequests(page);
    // Polling every 2 s would show as /meta requests; with the stream open there must be none.
    await page.goto(`${demo.url}/wall?at=${at}&poll=2&step=30&playback=30&hotspots=1&districts=1`);
    await page.waitForSelector('[data-wall-status="live"]', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('[data-wall-headline="today"]') !== null);
    const quietFrom = Date.now();
    await page.waitForTimeout(6000);
    const polls = requests.filter((r) => r.at >= quietFrom && r.path === '/api/v1/meta');
    expect(polls).toEqual([]);
    expect(requests.some((r) => r.path === '/api/v1/stream')).toBe(true);

    const before = number(await page.textContent('[data-wall-headline="today"]'));
    const ingestedAt = await postMessage();
    await page.waitForFunction(
      (expected) =>
        Number(document.querySelector('[data-wall-headline="today"]')?.textContent?.replace(/\D/g, '')) ===
        expected,
      before + 1,
      { timeout: 15_000 },
    );
    console.log(
      `wall headline updated ${Date.now() - ingestedAt} ms after the ingest (polling every 2 s was off)`,
    );
    await context.close();
  });

  test('the staff map reloads its numbers when a message arrives', async () => {
    const context = await signedInContext(browser, demo.url, regional);
    const page = await context.newPage();
    await page.goto(`${demo.url}/?from=${at}&to=${at}`);
    await waitForMap(page);
    await page.waitForFunction(() =>
      /\d/.test(document.querySelector('[data-summary="total"]')?.textContent ?? ''),
    );
    const before = number(await page.textContent('[data-summary="total"]'));
    const ingestedAt = await postMessage();
    await page.waitForFunction(
      (expected) =>
        Number(document.querySelector('[data-summary="total"]')?.textContent?.replace(/\D/g, '')) ===
        expected,
      before + 1,
      { timeout: 15_000 },
    );
    console.log(`staff map total updated ${Date.now() - ingestedAt} ms after the ingest`);
    await context.close();
  });
});
