import {
  type Database,
  generateMessages,
  loadDistrictsFile,
  type MessageInput,
  migrate,
  openDatabase,
  type PlantedTruth,
  PRE_AGGREGATE_TABLES,
  plantClusters,
  readDistrictsFile,
  relayPreAggregates,
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
  const marker = `synthetic:${count}:7:${BENCH_FROM}:${BENCH_TO}`;
  const db = await openMarkedDatabase(adminUrl, `heatmap_bench_${count}`, marker);
  if (!db.fresh) return db;
  const districts = await readDistrictsFile(shippedDistrictsFile, 'NAME');
  await fill(
    db,
    count,
    generateMessages({
      count,
      seed: 7,
      districts,
      from: new Date(`${BENCH_FROM}T00:00:00+01:00`),
      to: new Date(`${BENCH_TO}T00:00:00+01:00`),
      timezone: BENCH_TIMEZONE,
    }),
  );
  await markDataset(db, marker);
  return db;
}

/** The planted data set's year: its emerging clusters rise over the last four weeks of 2025. */
export const PLANTED_FROM = '2025-01-01';
export const PLANTED_TO = '2026-01-01';

/**
 * A server database holding `count` background messages spread evenly over the districts in 2025 and `clusters`
 * planted hotspot and emerging clusters (seed 7, as `generate --plant`), kept between runs like the other, with
 * its truth (recomputed: planting is deterministic).
 */
export async function openPlantedDataset(
  adminUrl: string,
  count: number,
  clusters: number,
): Promise<{ db: Database; truth: PlantedTruth }> {
  const marker = `planted:${count}:${clusters}:7:${PLANTED_FROM}:${PLANTED_TO}`;
  const db = await openMarkedDatabase(adminUrl, `heatmap_bench_planted_${count}_${clusters}`, marker);
  const districts = await readDistrictsFile(shippedDistrictsFile, 'NAME');
  const range = {
    from: new Date(`${PLANTED_FROM}T00:00:00+01:00`),
    to: new Date(`${PLANTED_TO}T00:00:00+01:00`),
  };
  const planted = plantClusters({ clusters, seed: 7, districts, backgroundCount: count, ...range });
  if (db.fresh) {
    const background = generateMessages({
      count,
      seed: 7,
      districts,
      timezone: BENCH_TIMEZONE,
      hotspotShare: 0,
      ...range,
    });
    await fill(
      db,
      count + planted.messages.length,
      (function* () {
        yield* background;
        yield* planted.messages;
      })(),
    );
    await markDataset(db, marker);
  }
  return { db, truth: planted.truth };
}

/** The named database, migrated; emptied with the districts loaded (fresh) unless it holds the marked data set. */
async function openMarkedDatabase(
  adminUrl: string,
  name: string,
  marker: string,
): Promise<Database & { fresh: boolean }> {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const exists = await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`;
  if (exists.length === 0) await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), max: 10 });
  await migrate(db.sql);
  const [row] = await db.sql<{ value: string }[]>`SELECT value FROM app_settings WHERE key = 'bench_dataset'`;
  if (row?.value === marker) return { ...db, fresh: false };
  console.log(`generating ${marker} into ${name} (kept for later runs)…`);
  // TRUNCATE fires no row or statement triggers: the pre-aggregates go with the messages by hand.
  await db.sql`TRUNCATE messages, districts, ${db.sql([...PRE_AGGREGATE_TABLES])} CASCADE`;
  await loadDistrictsFile(db.sql, shippedDistrictsFile, 'NAME');
  return { ...db, fresh: true };
}

async function fill(db: Database, count: number, messages: Iterable<MessageInput>) {
  const started = performance.now();
  await upsertGenerated(db, messages, BENCH_TIMEZONE);
  console.log(`  ${count} messages in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  await db.sql`VACUUM ANALYZE`.catch(() => {});
  // As `heatmap maintain` does at night (README): imports leave the pre-aggregates scattered.
  const relaid = performance.now();
  await relayPreAggregates(db.sql);
  console.log(
    `  pre-aggregates re-laid in key order in ${((performance.now() - relaid) / 1000).toFixed(0)} s`,
  );
}

async function markDataset(db: Database, marker: string) {
  await db.sql`INSERT INTO app_settings (key, value) VALUES ('bench_dataset', ${marker})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
}
