import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import postgres from 'postgres';
import { openDatabase, type Sql } from '../src/db/database';
import { migrate } from '../src/db/migrate';
import { loadDistrictsFile } from '../src/ingest/districts-file';
import { ingestFile } from '../src/ingest/ingest-file';
import { SEEDED_TEMPLATE, seededSnapshotPath, testServerUrl } from './test-database';

const repoRoot = resolve(new URL('../../', import.meta.url).pathname);
/** Where the shared data lives; HEATMAP_SHARED_DATA overrides. */
export const sharedDataDir = resolve(process.env.HEATMAP_SHARED_DATA ?? join(repoRoot, '../shared/data'));
export const districtsFile = join(sharedDataDir, 'budapest_districts.geojson');
export const jarokeloFile = join(sharedDataDir, 'jarokelo_budapest_reports_2023-11_2025-10.jsonl.gz');
const TIMEZONE = 'Europe/Budapest';
const fingerprintPath = `${seededSnapshotPath}.fingerprint`;

/**
 * Builds the seeded test data once: the template database `heatmap_test_seeded` on the server and
 * a PGlite snapshot, each holding the Budapest districts and the whole Járókelő file. Both are
 * reused while the code and data they were built from are unchanged (a fingerprint of those files).
 */
export default async function setup(): Promise<void> {
  const fingerprint = currentFingerprint();
  const [serverFresh, embeddedFresh] = await Promise.all([
    serverIsFresh(fingerprint),
    embeddedIsFresh(fingerprint),
  ]);
  const started = Date.now();
  await Promise.all([
    serverFresh ? undefined : seedServer(fingerprint),
    embeddedFresh ? undefined : seedEmbedded(fingerprint),
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

async function seedServer(fingerprint: string): Promise<void> {
  const admin = postgres(testServerUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${SEEDED_TEMPLATE} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${SEEDED_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testServerUrl);
  url.pathname = `/${SEEDED_TEMPLATE}`;
  const db = await openDatabase({ url: url.toString(), max: 2 });
  try {
    await seed(db.sql);
    await db.sql`VACUUM ANALYZE`;
    await db.sql`INSERT INTO app_settings (key, value) VALUES ('test_seed_fingerprint', ${fingerprint})`;
  } finally {
    await db.close();
  }
}

async function seedEmbedded(fingerprint: string): Promise<void> {
  const db = await openDatabase({ dataDir: 'memory://' });
  try {
    await seed(db.sql);
    if (!db.dumpDataDir) throw new Error('the embedded database cannot dump its data directory');
    const dump = await db.dumpDataDir();
    writeFileSync(seededSnapshotPath, new Uint8Array(await dump.arrayBuffer()));
    writeFileSync(fingerprintPath, fingerprint);
  } finally {
    await db.close();
  }
}

async function serverIsFresh(fingerprint: string): Promise<boolean> {
  const url = new URL(testServerUrl);
  url.pathname = `/${SEEDED_TEMPLATE}`;
  const sql = postgres(url.toString(), { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const rows = await sql<
      { value: string }[]
    >`SELECT value FROM app_settings WHERE key = 'test_seed_fingerprint'`;
    return rows[0]?.value === fingerprint;
  } catch {
    return false;
  } finally {
    await sql.end();
  }
}

async function embeddedIsFresh(fingerprint: string): Promise<boolean> {
  if (!existsSync(seededSnapshotPath) || !existsSync(fingerprintPath)) return false;
  return readFileSync(fingerprintPath, 'utf8') === fingerprint;
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
      hash.update(file).update(readFileSync(file));
    }
  }
  for (const file of [districtsFile, jarokeloFile]) {
    const s = statSync(file);
    hash.update(`${file}:${s.size}:${s.mtimeMs}`);
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
