import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { frameCount, launchChromium, waitForHexagonsDrawn } from './chromium';
import { startDemoServer } from './demo-server';
import { addStaffUser, type StaffAccount, signedInContext } from './staff-session';

const distAssets = resolve(import.meta.dirname, '../../web/dist/assets');

/** Gzip size of the built JavaScript (level 9, as a static server would precompress it). */
export function javascriptGzipBytes(): number {
  return readdirSync(distAssets)
    .filter((name) => name.endsWith('.js'))
    .reduce((sum, name) => sum + gzipSync(readFileSync(resolve(distAssets, name)), { level: 9 }).length, 0);
}

/**
 * The web app's figures in headless Chromium (SwiftShader: CPU-bound, so FPS is a floor):
 * navigation to the first hexagons drawn, frames per second while playing with the whole region in
 * view, a slider step to its new frame, and the gzip size of the JavaScript. Needs `web/dist` built
 * and the seeded test template (made by the vitest global setup), or `url` of a running server.
 * For `pnpm bench` as suite "web".
 */
export async function webSuite(options: { url?: string } = {}): Promise<Record<string, number>> {
  const demo = options.url ? null : await startDemoServer();
  const baseUrl = options.url ?? demo?.url;
  const browser = await launchChromium();
  try {
    // `/` is the staff map behind sign-in: an admin on the demo copy, or HEATMAP_BENCH_LOGIN/PASSWORD on a
    // running server; without either, the public map (same screen, public API) is measured.
    const env = process.env;
    const account: StaffAccount | null = demo
      ? await addStaffUser(demo.db.sql, `bench.${Date.now()}`, 'admin')
      : env.HEATMAP_BENCH_LOGIN && env.HEATMAP_BENCH_PASSWORD
        ? { login: env.HEATMAP_BENCH_LOGIN, password: env.HEATMAP_BENCH_PASSWORD }
        : null;
    const context = account
      ? await signedInContext(browser, baseUrl ?? '', account)
      : await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`${baseUrl}/${account ? '' : 'public'}?win=week`);
    await waitForHexagonsDrawn(page);
    const firstHexagonsMs = Date.now() - started;

    // Step latency measured inside the page (key event to the next drawn frame), so the figure is
    // not the test driver's round trips.
    const slider = page.getByRole('slider');
    await slider.focus();
    await page.keyboard.press('Home');
    await page.waitForTimeout(1000);
    await page.evaluate(() => {
      const state = window as unknown as { stepStart: number; stepLatencies: number[] };
      state.stepLatencies = [];
      state.stepStart = -1;
      document.addEventListener(
        'keydown',
        () => {
          state.stepStart = performance.now();
        },
        true,
      );
      const map = document.querySelector('.map-view');
      if (!map) throw new Error('no map');
      new MutationObserver(() => {
        if (state.stepStart < 0) return;
        state.stepLatencies.push(performance.now() - state.stepStart);
        state.stepStart = -1;
      }).observe(map, { attributes: true, attributeFilter: ['data-frames'] });
    });
    for (let step = 0; step < 10; step += 1) {
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(600);
    }
    const steps = await page.evaluate(() =>
      (window as unknown as { stepLatencies: number[] }).stepLatencies.sort((a, b) => a - b),
    );

    await page.getByRole('combobox', { name: 'Скорость' }).selectOption('8');
    await slider.focus();
    await page.keyboard.press('Home');
    const framesBefore = await frameCount(page);
    const playStarted = Date.now();
    await page.keyboard.press(' ');
    await page.waitForTimeout(4000);
    const playbackFps = ((await frameCount(page)) - framesBefore) / ((Date.now() - playStarted) / 1000);
    await page.keyboard.press(' ');

    return {
      firstHexagonsMs,
      playbackFps: Math.round(playbackFps * 10) / 10,
      sliderStepToFrameMsMedian: Math.round(steps[Math.floor(steps.length / 2)] ?? 0),
      sliderStepToFrameMsMax: Math.round(steps.at(-1) ?? 0),
      javascriptGzipBytes: javascriptGzipBytes(),
    };
  } finally {
    await browser.close();
    await demo?.close();
  }
}
