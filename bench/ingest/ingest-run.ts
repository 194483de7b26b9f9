/**
 * One ingest measurement in a process of its own, so peak RSS belongs to this workload alone.
 * Prints one JSON line: { workload, backend, messages, seconds, messagesPerSecond, peakRssMb }.
 * `baseline` inserts the same generated rows into a bare table (no H3, no district lookup,
 * no indexes, no rollup): the ratio against it is the price of what ingestion adds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Database,
  generateMessages,
  ingestFile,
  loadDistrictsFile,
  type MessageInput,
  migrate,
  openDatabase,
  readDistrictsFile,
  type Sql,
  shippedDistrictsFile,
  upsertGenerated,
} from '@heatmap/api';
import { sharedDataFile } from '@heatmap/geo/shared-data';

const [workload, backend, countArg, url] = process.argv.slice(2) as [
  string,
  'server' | 'embedded',
  string,
  string?,
];
const timezone = 'Europe/Budapest';
const count = Number(countArg);
const jarokeloFile = sharedDataFile('jarokelo');

const districtsCache = await readDistrictsFile(shippedDistrictsFile, 'NAME');
const dataDir = backend === 'embedded' ? mkdtempSync(join(tmpdir(), 'heatmap-bench-')) : undefined;
const db: Database = await openDatabase(backend === 'server' ? { url } : { dataDir });
try {
  await migrate(db.sql);
  await loadDistrictsFile(db.sql, shippedDistrictsFile, 'NAME');
  const started = performance.now();
  let messages: number;
  if (workload === 'jarokelo') {
    const report = await ingestFile(db.sql, jarokeloFile, { timezone });
    messages = report.inserted;
  } else if (workload === 'synthetic') {
    const totals = await upsertGenerated(db, generated(count), timezone);
    messages = totals.inserted;
  } else {
    messages = await insertBare(db.sql, generated(count));
  }
  const seconds = (performance.now() - started) / 1000;
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const result = {
    workload,
    backend,
    messages,
    seconds,
    messagesPerSecond: Math.round(messages / seconds),
    peakRssMb,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await db.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

function generated(n: number): Iterable<MessageInput> {
  const to = new Date('2025-11-01T00:00:00Z');
  return generateMessages({
    count: n,
    seed: 42,
    districts: districtsCache,
    from: new Date(to.getTime() - 2 * 365 * 86_400_000),
    to,
    timezone,
  });
}

/** The baseline: the same rows, same batches and transactions, into a table with nothing attached. */
async function insertBare(sql: Sql, rows: Iterable<MessageInput>): Promise<number> {
  await sql`CREATE TABLE bare (external_id text, category text, source text, status text, body text,
    created_at timestamptz, answered_at timestamptz, lat float8, lon float8)`;
  let batch: MessageInput[] = [];
  let n = 0;
  const flush = async () => {
    const b = batch;
    batch = [];
    await sql`INSERT INTO bare SELECT * FROM unnest(
      ${b.map((m) => m.externalId)}::text[], ${b.map((m) => m.category)}::text[], ${b.map((m) => m.source)}::text[],
      ${b.map((m) => m.status)}::text[], ${b.map((m) => m.text)}::text[],
      ${b.map((m) => m.createdAt.toISOString())}::timestamptz[],
      ${b.map((m) => m.answeredAt?.toISOString() ?? null)}::timestamptz[],
      ${b.map((m) => m.lat)}::float8[], ${b.map((m) => m.lon)}::float8[])`;
  };
  for (const m of rows) {
    batch.push(m);
    n++;
    if (batch.length >= 5000) await flush();
  }
  if (batch.length > 0) await flush();
  return n;
}
