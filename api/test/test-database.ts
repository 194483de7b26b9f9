import { readFile } from 'node:fs/promises';
import postgres from 'postgres';
import { type Database, type Endpoint, openDatabase } from '../src/db/database';
import { migrate } from '../src/db/migrate';

/** Every data-layer test runs on both: a real PostgreSQL/PostGIS server and embedded PGlite. */
export const BACKENDS = ['server', 'embedded'] as const;
export type Backend = (typeof BACKENDS)[number];

/** Admin URL of the test server; CI sets TEST_DATABASE_URL, the default matches .ci/run. */
export const testServerUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres';

/**
 * Template database and PGlite snapshot holding the seeded demo data, named after the fingerprint
 * of the code and data they were built from (global-setup sets HEATMAP_TEST_SEED): runs of
 * different code never drop one another's template, runs of the same code share it.
 */
export function seededTemplate(seedId = currentSeedId()): string {
  return `heatmap_test_seeded_${seedId}`;
}
export function seededSnapshotPath(seedId = currentSeedId()): string {
  return `/tmp/heatmap-test-seeded-${seedId}.tar.gz`;
}
function currentSeedId(): string {
  const id = process.env.HEATMAP_TEST_SEED;
  if (!id || !/^[0-9a-f]{12}$/.test(id))
    throw new Error('HEATMAP_TEST_SEED is not set: run tests through vitest');
  return id;
}

export interface TestDatabase extends Database {
  timezone: string;
  /** Server only: its postgres:// URL, for a spawned process (the CLI) to reach the same database. */
  url?: string;
}

let counter = 0;

/**
 * A database of its own for one test file: `empty` is migrated and holds nothing,
 * `seeded` holds the Budapest districts and the whole Járókelő file. `route` puts something between
 * the client and the database (a fault-injecting proxy): it gets the database's address, answers the
 * one to connect to.
 */
export async function createTestDatabase(
  backend: Backend,
  seed: 'empty' | 'seeded',
  options: { route?: (endpoint: Endpoint) => Promise<Endpoint> } = {},
): Promise<TestDatabase> {
  if (backend === 'embedded') {
    const loadDataDir =
      seed === 'seeded' ? new Blob([new Uint8Array(await readFile(seededSnapshotPath()))]) : undefined;
    const db = await openDatabase({
      ...(loadDataDir ? { loadDataDir } : {}),
      ...(options.route ? { route: options.route } : {}),
    });
    if (seed === 'empty') await migrate(db.sql);
    return { ...db, timezone: 'Europe/Budapest' };
  }
  const name = `heatmap_test_${process.pid}_${Date.now()}_${counter++}`;
  const admin = postgres(testServerUrl, { max: 1, onnotice: () => {} });
  try {
    if (seed === 'seeded') await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${seededTemplate()}`);
    else await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  if (options.route) {
    const to = await options.route({ host: url.hostname, port: Number(url.port || 5432) });
    url.hostname = to.host;
    url.port = String(to.port);
  }
  const db = await openDatabase({ url: url.toString(), max: 4 });
  if (seed === 'empty') await migrate(db.sql);
  return {
    ...db,
    timezone: 'Europe/Budapest',
    url: url.toString(),
    async close() {
      await db.close();
      const dropper = postgres(testServerUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}
