import { buildApp } from '../../api/src/app';
import { loadConfig } from '../../api/src/config/config';
import type {} from '../../api/src/plugins/app/database';
import type {} from '../../api/src/plugins/app/response-cache';
import { percentile, round } from './api-suite';
import { BENCH_TIMEZONE, openBenchDataset } from './bench-dataset';

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const size = Number(process.env.BENCH_HOTSPOTS_SIZE ?? 5_000_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 30);

/** Issue 10's targets, p95 in ms on 5M messages (server, warm). */
const QUERIES = [
  { name: 'Gi* res 8, a year', url: '/api/v1/hotspots?res=8&from=2025-01-01&to=2026-01-01', targetP95: 150 },
  {
    name: 'emerging res 8, 52 weeks',
    url: '/api/v1/hotspots/emerging?res=8&step=week&steps=52&to=2026-01-01',
    targetP95: 1000,
  },
  { name: "a day's alerts, res 8", url: '/api/v1/alerts?res=8&day=2025-06-10', targetP95: 200 },
];

/**
 * `pnpm bench hotspots`: warm p50/p95 of the hotspot routes on the synthetic data set (server backend), each
 * request computed afresh (the response cache is cleared before every one; the district-cell cache stays warm,
 * as it does in a running server). Recall and FDP against planted truth wait for `generate --plant`.
 */
export async function hotspotsSuite() {
  const db = await openBenchDataset(adminUrl, size);
  const config = {
    ...loadConfig({ ...process.env, HEATMAP_TIMEZONE: BENCH_TIMEZONE }),
    databaseUrl: 'bench',
  };
  const app = await buildApp({ db, config, anonymousReads: 'any-route', cacheVersionTtlMs: 200 });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  try {
    const latencies = [];
    for (const query of QUERIES) {
      const times: number[] = [];
      let cells = 0;
      for (let i = 0; i < SAMPLES + 3; i++) {
        app.responseCache.clear();
        const started = performance.now();
        const response = await fetch(base + query.url);
        const body = await response.text();
        if (!response.ok) throw new Error(`${query.url}: ${response.status} ${body.slice(0, 200)}`);
        if (i >= 3) times.push(performance.now() - started);
        const parsed = JSON.parse(body) as { cells?: unknown[] } | unknown[];
        cells = Array.isArray(parsed) ? parsed.length : (parsed.cells?.length ?? 0);
      }
      const row = {
        ...query,
        p50: round(percentile(times, 0.5)),
        p95: round(percentile(times, 0.95)),
        cells,
      };
      console.log(`${row.name}: p95 ${row.p95} ms (target ${row.targetP95}), ${cells} cells or alerts`);
      latencies.push(row);
    }
    return { messages: size, samplesPerQuery: SAMPLES, latencies };
  } finally {
    await app.close();
    await db.close();
  }
}
