import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { type Database, openDatabase, relayPreAggregates } from '@heatmap/api';
import postgres from 'postgres';
import { mapCases, percentile, round, sampleRequest, timelineCases } from '../api/api-suite';
import { startBenchApp } from '../api/bench-session';
import { countryDistricts } from './country-districts';

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const size = Number(process.env.BENCH_SCALE_SIZE ?? 25_000_000);
/** The bare COPY's rate does not depend on the table's size (nothing attached): a prefix measures it. */
const baselineSize = Math.min(size, Number(process.env.BENCH_SCALE_BASELINE_SIZE ?? 2_000_000));
const SAMPLES = Number(process.env.BENCH_SCALE_SAMPLES ?? 20);
const TARGETS = { ingestPerSecond: 40_000, ingestRatio: 0.5, hexagonsP95: 150, timelineP95: 300 };
const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
const runner = new URL('./scale-ingest.ts', import.meta.url).pathname;
const resultsDir = new URL('../results/', import.meta.url).pathname;

interface IngestRun {
  workload: string;
  messages: number;
  seconds: number;
  messagesPerSecond: number;
  peakRssMb: number;
}

/**
 * `pnpm bench scale`: a national data set (BENCH_SCALE_SIZE synthetic messages, default 25M, over 85
 * generated regions of ~2,400 districts) on the server backend, in heatmap_bench_scale_<size>, kept
 * for reruns (a rerun measures the reads only and repeats the ingest figures it recorded). Ingest rate
 * beside a bare COPY measured in the same run, database size per million messages, the 12 map cases
 * and the timeline p95, the importer's peak RSS.
 */
export async function scaleSuite() {
  const name = `heatmap_bench_scale_${size}`;
  const url = databaseUrl(name);
  const marker = `country:${size}:7`;
  let ingest = await recordedIngest(name, marker);
  if (!ingest) {
    await recreate(name);
    console.log(`baseline: ${baselineSize} rows by COPY into a bare table`);
    const baseline = runIngest('baseline', url, baselineSize);
    console.log(`  ${baseline.messagesPerSecond} msg/s`);
    console.log(`ingest: ${size} messages into ${name}`);
    const ours = runIngest('ingest', url, size);
    const vacuumStarted = performance.now();
    const db = await openDatabase({ url, max: 2 });
    try {
      await db.sql`VACUUM ANALYZE`;
      const vacuumSeconds = round((performance.now() - vacuumStarted) / 1000);
      // As `heatmap maintain` does at night: the reads below see the pre-aggregates in key order.
      const relayStarted = performance.now();
      await relayPreAggregates(db.sql);
      const relaySeconds = round((performance.now() - relayStarted) / 1000);
      ingest = {
        ...ours,
        baselineMessages: baseline.messages,
        baselinePerSecond: baseline.messagesPerSecond,
        ratioToBaseline: Math.round((ours.messagesPerSecond / baseline.messagesPerSecond) * 100) / 100,
        vacuumAnalyzeSeconds: vacuumSeconds,
        maintainSeconds: relaySeconds,
        serverSettings: await serverSettings(db),
        loadAverageAfter: (await import('node:os')).loadavg().map(round),
      };
      await db.sql`INSERT INTO app_settings (key, value) VALUES ('bench_dataset', ${marker}),
        ('bench_scale_ingest', ${JSON.stringify(ingest)})
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
    } finally {
      await db.close();
    }
    // The ingest alone takes most of an hour: keep its figures even if the reads below fail.
    writeFileSync(
      `${resultsDir}scale-ingest-${stamp()}.json`,
      `${JSON.stringify({ size, ingest }, null, 2)}\n`,
    );
  }
  console.log(
    `ingest ${ingest.messagesPerSecond} msg/s (target ${TARGETS.ingestPerSecond}), bare COPY ${ingest.baselinePerSecond} msg/s, ` +
      `ratio ${ingest.ratioToBaseline} (target ${TARGETS.ingestRatio}), peak RSS ${ingest.peakRssMb} MB`,
  );
  const db = await openDatabase({ url, max: 10 });
  try {
    const storage = await storageSizes(db, size);
    console.log(`database ${storage.databaseMb} MB: ${storage.mbPerMillion} MB per million messages`);
    const latencies = await measureReads(db);
    return {
      messages: size,
      database: name,
      targets: TARGETS,
      ingest,
      storage,
      samplesPerQuery: SAMPLES,
      latencies,
    };
  } finally {
    await db.close();
  }
}

async function measureReads(db: Database) {
  const [category] = await db.sql<{ name: string }[]>`
    SELECT c.name FROM district_month_rollup r JOIN categories c ON c.id = r.category_id
    GROUP BY c.name ORDER BY sum(r.n) DESC LIMIT 1`;
  // What a map at res 8 shows of a country: one region's city in view, not the whole country.
  const city = countryDistricts().urban.slice(0, 6);
  const corners = city.flatMap((d) => (d.geometry.coordinates as number[][][])[0] ?? []);
  const lons = corners.map((c) => c[0] as number);
  const lats = corners.map((c) => c[1] as number);
  const bbox = [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)].join(',');
  const cases = [
    ...mapCases(category?.name ?? ''),
    ...timelineCases(),
    {
      name: 'hexagons res 8, all, one city in view (bbox)',
      kind: 'hexagons' as const,
      url: `/api/v1/hexagons?res=8&bbox=${bbox}`,
    },
  ];
  const { app, base, cookie } = await startBenchApp(db, { cacheVersionTtlMs: 200 });
  try {
    const out = [];
    for (const c of cases) {
      const { times, body } = await sampleRequest(app, base + c.url, cookie, SAMPLES);
      const cells =
        c.kind === 'hexagons' ? (JSON.parse(body) as { cells: unknown[] }).cells.length : undefined;
      const target = c.kind === 'timeline' ? TARGETS.timelineP95 : TARGETS.hexagonsP95;
      const row = {
        ...c,
        p50: round(percentile(times, 0.5)),
        p95: round(percentile(times, 0.95)),
        targetP95: target,
        bytes: Buffer.byteLength(body),
        ...(cells !== undefined ? { cells } : {}),
      };
      console.log(
        `${c.name.padEnd(48)} p50 ${row.p50} ms, p95 ${row.p95} ms (target ${target})${cells !== undefined ? `, ${cells} cells` : ''}`,
      );
      out.push(row);
    }
    return out;
  } finally {
    await app.close();
  }
}

/** Database size, and the messages table (heap and indexes) and the pre-aggregates apart. */
async function storageSizes(db: Database, messages: number) {
  const mb = (bytes: bigint | number) => Math.round(Number(bytes) / 1048576);
  const [total] = await db.sql<{ bytes: bigint }[]>`SELECT pg_database_size(current_database()) AS bytes`;
  const tables = await db.sql<{ name: string; rows: bigint; heap: bigint; indexes: bigint }[]>`
    SELECT c.relname AS name, c.reltuples::bigint AS rows, pg_table_size(c.oid) AS heap, pg_indexes_size(c.oid) AS indexes
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r' AND pg_total_relation_size(c.oid) > 8 * 1048576
    ORDER BY pg_total_relation_size(c.oid) DESC`;
  const indexes = await db.sql<{ name: string; bytes: bigint }[]>`
    SELECT indexrelname AS name, pg_relation_size(indexrelid) AS bytes FROM pg_stat_user_indexes
    WHERE relname = 'messages' ORDER BY 2 DESC`;
  const databaseMb = mb(total?.bytes ?? 0);
  return {
    databaseMb,
    mbPerMillion: Math.round(databaseMb / (messages / 1e6)),
    tables: tables.map((t) => ({
      name: t.name,
      rows: Number(t.rows),
      heapMb: mb(t.heap),
      indexesMb: mb(t.indexes),
    })),
    messagesIndexesMb: Object.fromEntries(indexes.map((i) => [i.name, mb(i.bytes)])),
  };
}

function runIngest(workload: 'ingest' | 'baseline', url: string, count: number): IngestRun {
  const out = execFileSync(tsx, [runner, workload, url, String(count)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').pop() ?? '') as IngestRun;
}

type RecordedIngest = IngestRun & {
  baselinePerSecond: number;
  ratioToBaseline: number;
  [k: string]: unknown;
};

async function recordedIngest(name: string, marker: string): Promise<RecordedIngest | undefined> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const [exists] = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
    if (!exists) return undefined;
  } finally {
    await admin.end();
  }
  const sql = postgres(databaseUrl(name), { max: 1, onnotice: () => {} });
  try {
    const rows = await sql<{ key: string; value: string }[]>`
      SELECT key, value FROM app_settings WHERE key IN ('bench_dataset', 'bench_scale_ingest')`.catch(
      () => [],
    );
    const get = (key: string) => rows.find((r) => r.key === key)?.value;
    const ingest = get('bench_scale_ingest');
    return get('bench_dataset') === marker && ingest ? (JSON.parse(ingest) as RecordedIngest) : undefined;
  } finally {
    await sql.end();
  }
}

/** A half-filled database (an interrupted run) is no measurement: start it over. */
async function recreate(name: string) {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
}

async function serverSettings(db: Database): Promise<Record<string, string>> {
  const rows = await db.sql<{ name: string; value: string }[]>`
    SELECT name, current_setting(name) AS value FROM pg_settings
    WHERE name IN ('shared_buffers', 'max_wal_size', 'work_mem', 'synchronous_commit', 'wal_compression')
    ORDER BY name`;
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

function databaseUrl(name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');
