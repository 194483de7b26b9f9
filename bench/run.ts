/**
 * `pnpm bench`: every benchmark, one JSON file per suite under bench/results/.
 * Suites run one after another (never in parallel: the machine has two cores) and each figure
 * is reported with the baseline measured in the same run, so ratios survive a noisy machine.
 *   pnpm bench [suite ...]   suites: ingest, api, hotspots, stream, web, wall (default: all of these), scale
 * `scale` (named only, never by default) fills a national data set: 25M messages by default, most of an hour.
 * `web` needs the built app (pnpm --filter @heatmap/web build) and Chromium at /usr/bin/chromium.
 * `wall` runs BENCH_WALL_CYCLES accelerated wall-display cycles (default 2,000: about half an hour).
 * Environment: BENCH_DATABASE_URL (admin URL of a PostgreSQL/PostGIS server; default the test
 * server), BENCH_SYNTHETIC_COUNT (default 1,000,000), BENCH_INGEST_REPEATS (runs of the server
 * synthetic import, whose median meets the target; default 3), BENCH_SCALE_SIZE (scale: messages,
 * default 25,000,000; its database heatmap_bench_scale_<size> is kept for reruns), BENCH_SCALE_BASELINE_SIZE
 * (rows of its bare COPY, default 2,000,000), BENCH_SCALE_SAMPLES (timed requests a case, default 20).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { apiSuite } from './api/api-suite';
import { hotspotsSuite } from './api/hotspots-suite';
import { streamSuite } from './api/stream-suite';
import { ingestSuite } from './ingest/ingest-suite';
import { scaleSuite } from './scale/scale-suite';
import { wallBenchSuite } from './web/wall-bench-suite';
import { webBenchSuite } from './web/web-bench-suite';

const suites: Record<string, () => Promise<unknown>> = {
  ingest: ingestSuite,
  api: apiSuite,
  hotspots: hotspotsSuite,
  stream: streamSuite,
  web: webBenchSuite,
  wall: wallBenchSuite,
  scale: scaleSuite,
};
const onRequestOnly = new Set(['scale']);

const requested = process.argv.slice(2);
const names = requested.length > 0 ? requested : Object.keys(suites).filter((n) => !onRequestOnly.has(n));
const resultsDir = new URL('./results/', import.meta.url).pathname;
mkdirSync(resultsDir, { recursive: true });

for (const name of names) {
  const suite = suites[name];
  if (!suite) {
    console.error(`unknown suite "${name}"; known: ${Object.keys(suites).join(', ')}`);
    process.exit(2);
  }
  console.log(`== ${name}`);
  const result = await suite();
  const file = `${resultsDir}${name}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(
    file,
    `${JSON.stringify({ suite: name, at: new Date().toISOString(), ...(result as object) }, null, 2)}\n`,
  );
  console.log(`wrote ${file}`);
}
