import { pathToFileURL } from 'node:url';
import { loadConfig } from '@heatmap/api';
import type { CDPSession, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startDemoServer } from './demo-server';
import { addStaffUser, type StaffAccount } from './staff-session';

export interface WallSoakOptions {
  /** Complete loops of the wall's cycle (hotspots, playback, districts, playback). */
  cycles: number;
  /** Hotspots and districts per loop (default 2 each: 6 steps a loop). */
  hotspots?: number;
  districts?: number;
  /** The page's size: software GL draws a smaller screen faster, so more loops fit in the run. */
  viewport?: { width: number; height: number };
  /** A running server; by default a demo server on a copy of the seeded data is started. */
  url?: string;
  /** Milliseconds each step takes (the wall's step and playback durations divided by its speed). */
  stepMs?: number;
  /** Seconds between heap samples. */
  sampleSeconds?: number;
  /** Seconds between ingests of a new message (each makes the wall refetch everything); 0: none. */
  ingestSeconds?: number;
  /** The staff account the wall signs in with; with the demo server a regional user is made. */
  account?: StaffAccount;
  /** Called with each heap sample (progress on a long run). */
  onSample?(sample: HeapSample): void;
}

export interface HeapSample {
  seconds: number;
  cycles: number;
  /** JS heap in use, as sampled (garbage included). */
  usedMB: number;
  /** JS heap in use right after a forced full GC: the figure that shows a leak. */
  afterGcMB: number;
  domNodes: number;
  listeners: number;
}

export interface WallSoakResult {
  cycles: number;
  steps: number;
  /** True when the wall ran on the public API (no session): no playback in its cycle. */
  publicData: boolean;
  seconds: number;
  polls: number;
  ingests: number;
  /** After-GC heap at the first sample past the warm-up, at the end, and the largest seen. */
  heapStartMB: number;
  heapEndMB: number;
  heapMaxMB: number;
  /** Least-squares slope of the after-GC heap over cycles past the warm-up, in kB per 1,000 cycles. */
  slopeKBPerKCycles: number;
  domNodesStart: number;
  domNodesEnd: number;
  listenersStart: number;
  listenersEnd: number;
  samples: HeapSample[];
}

const MB = 1024 * 1024;

async function sample(page: Page, cdp: CDPSession, startedAt: number): Promise<HeapSample> {
  const used = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await cdp.send('HeapProfiler.collectGarbage');
  const afterGc = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const counters = await cdp.send('Memory.getDOMCounters');
  const cycles = await page.$eval('.wall', (e) => Number((e as HTMLElement).dataset.wallCycles ?? 0));
  return {
    seconds: Math.round((Date.now() - startedAt) / 1000),
    cycles,
    usedMB: used / MB,
    afterGcMB: afterGc / MB,
    domNodes: counters.nodes,
    listeners: counters.jsEventListeners,
  };
}

function slope(points: readonly { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  return sxx === 0 ? 0 : sxy / sxx;
}

/**
 * An accelerated run of the wall in headless Chromium: the cycle sped up to `stepMs` per step, a poll
 * every second, a new message ingested now and then; the JS heap sampled (and sampled again after a
 * forced GC through CDP) with DOM node and listener counts. For `pnpm bench` as suite "wall-soak".
 */
export async function wallSoak(options: WallSoakOptions): Promise<WallSoakResult> {
  const stepMs = options.stepMs ?? 25;
  const sampleSeconds = options.sampleSeconds ?? 15;
  const ingestSeconds = options.ingestSeconds ?? 30;
  const demo = options.url ? null : await startDemoServer();
  const baseUrl = options.url ?? (demo?.url as string);
  const browser = await launchChromium();
  try {
    // The public meta gives the last day of data as a local date.
    const meta = (await (await fetch(`${baseUrl}/api/v1/public/meta`)).json()) as { extent: { to: string } };
    const at = meta.extent.to.slice(0, 10);
    const account =
      options.account ?? (demo ? await addStaffUser(demo.db.sql, 'wall-soak', 'regional') : undefined);
    const context = await browser.newContext({ viewport: options.viewport ?? { width: 960, height: 540 } });
    if (account) {
      const response = await context.request.post(`${baseUrl}/api/v1/auth/login`, { data: account });
      if (!response.ok()) throw new Error(`sign-in failed: ${response.status()}`);
    }
    const page = await context.newPage();
    let polls = 0;
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.endsWith('/meta')) polls += 1;
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    // step and playback of 1 s, sped up so that each takes stepMs.
    const speed = 1000 / stepMs;
    await page.goto(
      `${baseUrl}/wall?at=${at}&step=1&playback=1&speed=${speed}&poll=1&hotspots=${options.hotspots ?? 2}&districts=${options.districts ?? 2}`,
    );
    await page.waitForSelector('[data-wall-step]', { timeout: 60_000 });

    const token = loadConfig(process.env).ingestToken ?? 'dev-ingest-token';
    const startedAt = Date.now();
    const samples: HeapSample[] = [await sample(page, cdp, startedAt)];
    let ingests = 0;
    let lastIngest = Date.now();
    let lastSample = Date.now();
    for (;;) {
      await page.waitForTimeout(1000);
      const cycles = await page.$eval('.wall', (e) => Number((e as HTMLElement).dataset.wallCycles ?? 0));
      if (ingestSeconds > 0 && Date.now() - lastIngest >= ingestSeconds * 1000) {
        lastIngest = Date.now();
        ingests += 1;
        await fetch(`${baseUrl}/api/v1/messages`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify([
            {
              id: `wall-soak-${startedAt}-${ingests}`,
              createdAt: `${at}T09:00:00`,
              category: 'Közművek',
              lat: 47.5,
              lon: 19.06,
            },
          ]),
        });
      }
      if (cycles >= options.cycles || Date.now() - lastSample >= sampleSeconds * 1000) {
        lastSample = Date.now();
        const latest = await sample(page, cdp, startedAt);
        samples.push(latest);
        options.onSample?.(latest);
      }
      if (cycles >= options.cycles) break;
    }
    const publicData = (await page.$('[data-wall-access="public"]')) !== null;
    const steps = await page.$eval('.wall', (e) => Number((e as HTMLElement).dataset.wallSteps ?? 0));
    // The first tenth of the run is warm-up (JIT, caches, font atlas); the slope is fitted after it.
    const warm = samples.filter((s) => s.cycles >= options.cycles * 0.1);
    const fitted = warm.length >= 2 ? warm : samples;
    const first = fitted[0] as HeapSample;
    const last = samples[samples.length - 1] as HeapSample;
    return {
      cycles: last.cycles,
      steps,
      publicData,
      seconds: last.seconds,
      polls,
      ingests,
      heapStartMB: first.afterGcMB,
      heapEndMB: last.afterGcMB,
      heapMaxMB: Math.max(...samples.map((s) => s.usedMB)),
      slopeKBPerKCycles: slope(fitted.map((s) => ({ x: s.cycles, y: s.afterGcMB * 1024 }))) * 1000,
      domNodesStart: first.domNodes,
      domNodesEnd: last.domNodes,
      listenersStart: first.listeners,
      listenersEnd: last.listeners,
      samples,
    };
  } finally {
    await browser.close();
    await demo?.close();
  }
}

// `tsx tests/browser/wall-soak.ts [cycles]`: needs web/dist built and the seeded test template.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await wallSoak({
    cycles: Number(process.argv[2] ?? 2000),
    onSample: (s) =>
      console.error(`${s.seconds} s: ${s.cycles} cycles, ${s.afterGcMB.toFixed(1)} MB after GC`),
  });
  console.log(JSON.stringify(result, null, 2));
}
