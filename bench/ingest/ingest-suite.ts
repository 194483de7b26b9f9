import { execFileSync } from 'node:child_process';
import postgres from 'postgres';

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const syntheticCount = Number(process.env.BENCH_SYNTHETIC_COUNT ?? 1_000_000);
const repeats = Number(process.env.BENCH_INGEST_REPEATS ?? 3);
const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
const runner = new URL('./ingest-run.ts', import.meta.url).pathname;

interface RunResult {
  workload: string;
  backend: string;
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  peakRssMb: number;
}

/**
 * Ingest rate with H3 cells, district assignment and the rollup, for the Járókelő file and for
 * synthetic messages, on the server and the embedded database; each beside the baseline (the
 * same rows into a bare table) measured right before it on the same backend. The target run
 * (server, synthetic) is repeated BENCH_INGEST_REPEATS times (default 3): quiet or not, single
 * runs of it vary by about 10%, so the target is held against the median, raw runs beside it.
 */
export async function ingestSuite() {
  const runs: Array<RunResult & { baselinePerSecond: number; ratioToBaseline: number }> = [];
  for (const backend of ['server', 'embedded'] as const) {
    for (const [workload, count] of [
      ['jarokelo', 0],
      ['synthetic', syntheticCount],
    ] as const) {
      const isTarget = backend === 'server' && workload === 'synthetic';
      for (let repeat = 0; repeat < (isTarget ? repeats : 1); repeat++) {
        const baseline = await measure('baseline', backend, workload === 'jarokelo' ? 37_869 : count);
        const ours = await measure(workload, backend, count);
        const ratio = ours.messagesPerSecond / baseline.messagesPerSecond;
        runs.push({ ...ours, baselinePerSecond: baseline.messagesPerSecond, ratioToBaseline: round(ratio) });
        console.log(
          `${backend.padEnd(8)} ${workload.padEnd(9)} ${ours.messages} messages in ${ours.seconds.toFixed(1)} s: ` +
            `${ours.messagesPerSecond} msg/s (baseline ${baseline.messagesPerSecond} msg/s, ratio ${round(ratio)}), ` +
            `peak RSS ${ours.peakRssMb} MB`,
        );
      }
    }
  }
  const targetRuns = runs.filter((r) => r.backend === 'server' && r.workload === 'synthetic');
  return {
    serverSettings: await serverSettings(),
    target: {
      metric: 'server synthetic import messages/s',
      goal: 20_000,
      measured: median(targetRuns.map((r) => r.messagesPerSecond)),
      runs: targetRuns.map((r) => r.messagesPerSecond),
      medianRatioToBaseline: median(targetRuns.map((r) => r.ratioToBaseline)),
    },
    runs,
  };
}

async function measure(workload: string, backend: 'server' | 'embedded', count: number): Promise<RunResult> {
  const args = [runner, workload, backend, String(count)];
  if (backend === 'server') args.push(await freshDatabase());
  const out = execFileSync(tsx, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  const line = out.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as RunResult;
}

/** The server settings that move bulk-ingest speed most, recorded beside the figures. */
async function serverSettings(): Promise<Record<string, string>> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin<{ name: string; value: string }[]>`
      SELECT name, current_setting(name) AS value FROM pg_settings
      WHERE name IN ('shared_buffers', 'max_wal_size', 'work_mem', 'synchronous_commit', 'wal_compression')
      ORDER BY name`;
    return Object.fromEntries(rows.map((r) => [r.name, r.value]));
  } finally {
    await admin.end();
  }
}

async function freshDatabase(): Promise<string> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe('DROP DATABASE IF EXISTS heatmap_bench WITH (FORCE)');
  await admin.unsafe('CREATE DATABASE heatmap_bench');
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = '/heatmap_bench';
  return url.toString();
}

const round = (x: number) => Math.round(x * 100) / 100;

function median(xs: number[]): number | undefined {
  const sorted = [...xs].sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}
