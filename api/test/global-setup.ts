import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { sharedDataFile } from '@heatmap/geo/shared-data';
import postgres from 'postgres';
import { openDatabase, type Sql } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { loadDistrictsFile } from '../src/ingest/districts-file';
import { ingestFile } from '../src/ingest/ingest-file';
import { seededSnapshotPath, seededTemplate, testServerUrl } from './test-database';

const repoRoot = resolve(new URL('../../', import.meta.url).pathname);
export const districtsFile = sharedDataFile('districts');
export const jarokeloFile = sharedDataFile('jarokelo');
const TIMEZONE = 'Europe/Budapest';

/**
 * Builds the seeded test data once: a template database on the server and a PGlite snapshot, each
 * holding the Budapest districts and the whole Járókelő file, named after a fingerprint of the files
 * they are built from (tests find them through HEATMAP_TEST_SEED). Each is built under a temporary
 * name and renamed when complete, so a run never clones a half-built template.
 */
export default async function setup(): Promise<void> {
  const seedId = currentFingerprint().slice(0, 12);
  process.env.HEATMAP_TEST_SEED = seedId;
  const [serverFresh, embeddedFresh] = await Promise.all([serverIsFresh(seedId), embeddedIsFresh(seedId)]);
  const started = Date.now();
  await Promise.all([
    serverFresh ? undefined : seedServer(seedId),
    embeddedFresh ? undefined : seedEmbedded(seedId),
  ]);
  if (!serverFresh || !embeddedFresh) {
    console.log(`[global-setup] seeded test data in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

async function seed(sql: Sql): Promise<void> {
  await migrate(sql);
  await loadDistrictsFile(sql, districtsFile, 'NAME');
  await ingestFile(sql, jarokeloFile, { timezone: TIMEZONE });
}

async function seedServer(seedId: string): Promise<void> {
  const template = seededTemplate(seedId);
  const building = `${template}_${process.pid}`;
  const admin = postgres(testServerUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${building}`);
    const url = new URL(testServerUrl);
    url.pathname = `/${building}`;
    const db = await openDatabase({ url: url.toString(), max: 2 });
    try {
      await seed(db.sql);
      await db.sql`VACUUM ANALYZE`;
    } finally {
      await db.close();
    }
    // Another run of the same code may have finished first: then its template serves both.
    if (await serverIsFresh(seedId)) await admin.unsafe(`DROP DATABASE ${building} WITH (FORCE)`);
    else await admin.unsafe(`ALTER DATABASE ${building} RENAME TO ${template}`);
  } finally {
    await admin.end();
  }
}

async function seedEmbedded(seedId: string): Promise<void> {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    await seed(db.sql);
    if (!db.dumpDataDir) throw new Error('the embedded database cannot dump its data directory');
    const dump = await db.dumpDataDir();
    const building = `${seededSnapshotPath(seedId)}.${process.pid}`;
    writeFileSync(building, new Uint8Array(await dump.arrayBuffer()));
    renameSync(building, seededSnapshotPath(seedId));
  } finally {
    await db.close();
  }
}

async function serverIsFresh(seedId: string): Promise<boolean> {
  const sql = postgres(testServerUrl, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const rows = await sql`SELECT 1 FROM pg_database WHERE datname = ${seededTemplate(seedId)}`;
    return rows.length > 0;
  } finally {
    await sql.end();
  }
}

async function embeddedIsFresh(seedId: string): Promise<boolean> {
  return existsSync(seededSnapshotPath(seedId));
}

/** Hash of every file the seeded data depends on: schema, import code, H3 and status rules, the data. */
function currentFingerprint(): string {
  const hash = createHash('sha1');
  const inputs = [
    'migrations',
    'api/src/db',
    'api/src/ingest',
    'api/src/repositories/messages-repository.ts',
    'api/src/repositories/districts-repository.ts',
    'api/src/repositories/settings-repository.ts',
    'geo/src/h3',
    'geo/src/status',
    'geo/src/time',
  ];
  for (const dir of inputs) {
    for (const file of listFiles(join(repoRoot, dir))) {
      if (file.endsWith('.test.ts')) continue;
      hash.update(relative(repoRoot, file)).update(readFileSync(file));
    }
  }
  for (const file of [districtsFile, jarokeloFile]) {
    const s = statSync(file);
    hash.update(`${relative(repoRoot, file)}:${s.size}`);
  }
  return hash.digest('hex');
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  if (statSync(dir).isFile()) return [dir];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
}
