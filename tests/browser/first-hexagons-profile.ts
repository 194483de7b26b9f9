/**
 * Where the time to the first hexagons goes: `tsx tests/browser/first-hexagons-profile.ts [runs] [--trace] [--cpu]`.
 * Loads the staff map as the web bench does (signed-in admin, demo data, web/dist as built) and prints,
 * in page time (ms since navigation start), when each script and request started and ended, the
 * performance marks, when the slider appeared, when deck.gl drew frames and the first hexagons. `--trace` also writes a Chromium trace of the
 * first run to /tmp/first-hexagons-trace.json (open it in chrome://tracing or Perfetto).
 */
import { writeFileSync } from 'node:fs';
import { seedTestData } from '@heatmap/api/test-support';
import { launchChromium } from './chromium';
import { startDemoServer } from './demo-server';
import { addStaffUser, signedInContext } from './staff-session';

interface PageTimings {
  resources: { name: string; start: number; end: number }[];
  marks: { name: string; at: number }[];
  slider: number;
  hexagons: number;
  frames: number[];
  /** Each change of the drawn deck.gl layers: "<ms> <ids>". */
  drawn: string[];
  domContentLoaded: number;
  load: number;
}

// Runs in the page before its scripts: records when the slider appears and each deck.gl frame lands.
function recordFrames(): void {
  const state = { slider: -1, hexagons: -1, frames: [] as number[], drawn: [] as string[] };
  (window as unknown as { firstHexagons: typeof state }).firstHexagons = state;
  new MutationObserver((records) => {
    if (state.slider < 0 && document.querySelector('.time-slider')) state.slider = performance.now();
    for (const record of records) {
      if (record.type !== 'attributes') continue;
      if (record.attributeName === 'data-frames' && state.frames.length < 8)
        state.frames.push(performance.now());
      const drawn = (record.target as HTMLElement).dataset.drawnLayers ?? '';
      if (record.attributeName === 'data-drawn-layers')
        state.drawn.push(`${Math.round(performance.now())} ${drawn}`);
      if (state.hexagons < 0 && drawn.split(' ').includes('message-hexagons'))
        state.hexagons = performance.now();
    }
  }).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-frames', 'data-drawn-layers'],
  });
}

const runs = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 3);
const trace = process.argv.includes('--trace');
const cpu = process.argv.includes('--cpu');

interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** The functions that took the most samples in each 100 ms of the profile, by self time. */
function printCpuProfile(profile: CpuProfile, origin: number): void {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const bins = new Map<number, Map<string, number>>();
  let at = profile.startTime;
  profile.samples.forEach((id, index) => {
    at += profile.timeDeltas[index] ?? 0;
    const frame = byId.get(id);
    if (!frame) return;
    const bin = Math.floor((at / 1000 - origin) / 100) * 100;
    const name = `${frame.functionName || '(anon)'} ${frame.url.split('/').pop()}:${frame.lineNumber}:${frame.columnNumber}`;
    const counts = bins.get(bin) ?? new Map<string, number>();
    counts.set(name, (counts.get(name) ?? 0) + 1);
    bins.set(bin, counts);
  });
  for (const [bin, counts] of [...bins].sort((a, b) => a[0] - b[0])) {
    const top = [...counts].filter(([name]) => !name.startsWith('(idle)')).sort((a, b) => b[1] - a[1]);
    const busy = top.reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `  cpu ${String(bin).padStart(5)}: busy ${busy} samples; ${top
        .slice(0, 5)
        .map(([name, n]) => `${n} ${name}`)
        .join(' | ')}`,
    );
  }
}

await seedTestData();
const demo = await startDemoServer();
try {
  const account = await addStaffUser(demo.db.sql, `profile.${Date.now()}`, 'admin');
  for (let run = 0; run < runs; run += 1) {
    // A fresh browser each run, as the benchmark: a warm GPU process (shader cache) is ~300 ms faster.
    const browser = await launchChromium();
    const context = await signedInContext(browser, demo.url, account);
    const page = await context.newPage();
    await page.addInitScript(recordFrames);
    if (trace && run === 0) await browser.startTracing(page, { screenshots: false });
    const session = cpu ? await context.newCDPSession(page) : null;
    if (session) {
      await session.send('Profiler.enable');
      await session.send('Profiler.setSamplingInterval', { interval: 500 });
      await session.send('Profiler.start');
    }
    const started = Date.now();
    await page.goto(`${demo.url}/?win=week`);
    await page.waitForFunction(
      () => (window as unknown as { firstHexagons: { hexagons: number } }).firstHexagons.hexagons >= 0,
      undefined,
      { polling: 'raf', timeout: 60_000 },
    );
    const wallMs = Date.now() - started;
    await page.waitForTimeout(800); // for the frames after the first hexagons (labels)
    const profile = session
      ? ((await session.send('Profiler.stop')) as { profile: CpuProfile }).profile
      : null;
    if (trace && run === 0) writeFileSync('/tmp/first-hexagons-trace.json', await browser.stopTracing());
    const timings: PageTimings = await page.evaluate(() => {
      const state = (
        window as unknown as {
          firstHexagons: { slider: number; hexagons: number; frames: number[]; drawn: string[] };
        }
      ).firstHexagons;
      const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return {
        resources: [navigation, ...performance.getEntriesByType('resource')].map((entry) => ({
          name: entry.name.replace(location.origin, ''),
          start: Math.round(entry.startTime),
          end: Math.round((entry as PerformanceResourceTiming).responseEnd),
        })),
        marks: performance.getEntriesByType('mark').map((mark) => ({ name: mark.name, at: mark.startTime })),
        slider: state.slider,
        hexagons: state.hexagons,
        frames: state.frames,
        drawn: state.drawn,
        domContentLoaded: navigation.domContentLoadedEventEnd,
        load: navigation.loadEventEnd,
      };
    });
    console.log(`\nrun ${run + 1}: ${wallMs} ms from goto to the first hexagons drawn (driver clock)`);
    for (const resource of timings.resources)
      console.log(
        `  ${String(resource.start).padStart(5)} -> ${String(resource.end).padStart(5)}  ${resource.name}`,
      );
    for (const mark of timings.marks)
      console.log(`  ${String(Math.round(mark.at)).padStart(5)}  mark ${mark.name}`);
    console.log(
      `  DOMContentLoaded ${Math.round(timings.domContentLoaded)}, load ${Math.round(timings.load)}`,
    );
    console.log(
      `  slider ${Math.round(timings.slider)}; hexagons ${Math.round(timings.hexagons)}; frames ${timings.frames.map(Math.round).join(', ')}`,
    );
    for (const change of timings.drawn) console.log(`  drawn ${change}`);
    // Binned from the profiler's start, a few ms before navigation: close to page time, not exact.
    if (profile) printCpuProfile(profile, profile.startTime / 1000);
    await browser.close();
  }
} finally {
  await demo.close();
}
