import {
  type Database,
  generateMessages,
  loadDistrictsFile,
  migrate,
  openDatabase,
  readDistrictsFile,
  shippedDistrictsFile,
  upsertGenerated,
} from '@heatmap/api';
import postgres from 'postgres';

export const BENCH_TIMEZONE = 'Europe/Budapest';
/** Two years of synthetic messages: 2024 and 2025 in the region's zone. */
export const BENCH_FROM = '2024-01-01';
export const BENCH_TO = '2026-01-01';

/**
 * A server database holding `count` synthetic messages (seed 7), kept between runs: generating
 * millions of messages takes minutes, and a benchmark of reads should not pay for it each time.
 * A marker in app_settings says which data set the database holds.
 */
export async function openBenchDataset(adminUrl: string, count: number): Promise<Database> {
  const name = `heatmap_bench_${count}`;
  const marker = `synthetic:${count}:7:${BENCH_FROM}:${BENCH_TO}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const exists = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
  if (exists.length === 0) await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), max: 10 });
  await migrate(db.sql);
  const [row] = await db.sql<{ value: string }[]>`SELECT value FROM app_settings WHERE key = 'bench_dataset'`;
  if (row?.value === marker) return db;
  console.log(`generating ${count} messages into ${name} (kept for later runs)…`);
  // TRUNCATE fires no row or statement triggers: the pre-aggregates go with the messages by hand.
  await db.sql`TRUNCATE messages, districts, cell_month_rollup, cell_year_rollup, district_month_rollup,
    cell_day_counts CASCADE`;
  await loadDistrictsFile(db.sql, shippedDistrictsFile, 'NAME');
  const districts = await readDistrictsFile(shippedDistrictsFile, 'NAME');
  const started = performance.now();
  await upsertGenerated(
    db,
    generateMessages({
      count,
      seed: 7,
      districts,
      from: new Date(`${BENCH_FROM}T00:00:00+01:00`),
      to: new Date(`${BENCH_TO}T00:00:00+01:00`),
      timezone: BENCH_TIMEZONE,
    }),
    BENCH_TIMEZONE,
  );
  console.log(`  ${count} messages in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await db.sql`VACUUM ANALYZE`.catch(() => {});
  await db.sql`INSERT INTO app_settings (key, value) VALUES ('bench_dataset', ${marker})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
  return db;
}
