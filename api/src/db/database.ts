import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { DataDirLock } from './data-dir-lock';
import type { DatabaseTopology } from './database-config';
import { PGliteSessionServer } from './pglite-session-server';
import { ReadReplicas } from './read-replicas';
import { routedSql } from './read-routing';
import { clientOptions, connectServer } from './server-client';

/** postgres.js client as the whole app uses it; one type for both backends. */
export type Sql = postgres.Sql<{ bigint: bigint }>;

export interface Database {
  /** The primary: every write, and every read that is not routed (sessions, keys, the stream). */
  sql: Sql;
  /**
   * The read queries' client: inside a ReadRouter.run, the database it chose (a replica or the primary);
   * outside one, the primary. Absent (no replicas): `sql` itself.
   */
  read?: Sql;
  /** DATABASE_READ_URL's replicas and their health; absent without them. */
  replicas?: ReadReplicas;
  kind: 'server' | 'embedded';
  close(): Promise<void>;
  /** Embedded only: a gzip tarball of the data directory (tests seed a snapshot once per run). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface DatabaseOptions {
  /** postgres://… of a PostgreSQL 15+ server with PostGIS 3; absent: the embedded PGlite. */
  url?: string;
  /** Server only: read replicas and the pooler's mode (DATABASE_READ_URL, DATABASE_POOL_MODE). */
  topology?: DatabaseTopology;
  /** Embedded only: directory of the PGlite data; `memory://` keeps it in memory. */
  dataDir?: string;
  /** Embedded only: a `dumpDataDir` tarball to start from (tests boot from a seeded snapshot). */
  loadDataDir?: Blob;
  max?: number;
  /**
   * Embedded only: where the client connects, given the socket server's own address. Fault tests put
   * a proxy that cuts connections in between; absent, the client connects directly.
   */
  route?: (endpoint: Endpoint) => Promise<Endpoint>;
}

export interface Endpoint {
  host: string;
  port: number;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) return openServer(options.url, options);
  if (options.topology?.readUrls.length) {
    throw new Error('read replicas need a server primary: the embedded database has none');
  }
  return openEmbedded(options);
}

async function openServer(url: string, options: DatabaseOptions): Promise<Database> {
  const max = options.max ?? 10;
  const transactionPooler = options.topology?.poolMode === 'transaction';
  const sql = connectServer(url, { max, transactionPooler });
  const readUrls = options.topology?.readUrls ?? [];
  if (readUrls.length === 0) {
    return { sql, kind: 'server', close: () => sql.end({ timeout: 5 }) };
  }
  const replicas = new ReadReplicas(readUrls, { max, transactionPooler });
  await replicas.start();
  return {
    sql,
    read: routedSql(sql),
    replicas,
    kind: 'server',
    async close() {
      await replicas.close();
      await sql.end({ timeout: 5 });
    },
  };
}

/**
 * PGlite behind a loopback socket, reached by the same postgres.js client as the server: one set
 * of queries, one driver, the same type parsing. PGlite runs one query at a time anyway, so the
 * pool holds one connection. A data directory is locked while open (data-dir-lock.ts); the lock
 * file names the port, through which other heatmap processes use this one's database.
 */
async function openEmbedded(options: DatabaseOptions): Promise<Database> {
  const dataDir = options.dataDir ?? 'memory://';
  if (dataDir.startsWith('memory://')) return startEmbedded(dataDir, options);
  mkdirSync(dataDir, { recursive: true });
  const lock = DataDirLock.acquire(dataDir, process.argv[2] ?? 'node');
  try {
    return await startEmbedded(dataDir, options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

async function startEmbedded(
  dataDir: string,
  options: DatabaseOptions,
  lock?: DataDirLock,
): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const db: PGlite = await PGlite.create({
    dataDir,
    extensions: { postgis },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  let server: PGliteSessionServer;
  try {
    const instance = randomUUID();
    // Session-wide: every connection to the socket sees it (PGlite is one session).
    await db.query(`SELECT set_config('${INSTANCE_SETTING}', $1, false)`, [instance]);
    server = await PGliteSessionServer.start(db, GUEST_CONNECTIONS + 1);
    lock?.publish(server.port, instance);
  } catch (error) {
    await db.close();
    throw error;
  }
  // Tests may put a proxy between the client and the socket (fault injection); the lock publishes the real port.
  const own = { host: '127.0.0.1', port: server.port };
  const { host, port } = options.route ? await options.route(own) : own;
  const sql = connectEmbedded(port, host);
  return {
    sql,
    kind: 'embedded',
    dumpDataDir: () => db.dumpDataDir('gzip'),
    async close() {
      await sql.end({ timeout: 5 });
      await server.stop((n) =>
        console.error(`waiting for ${n} other heatmap command(s) using this database`),
      );
      await db.close();
      lock?.release();
    },
  };
}

/** Custom setting holding the instance id that the lock file names. */
export const INSTANCE_SETTING = 'heatmap.instance';
/** Other heatmap processes using this one's database at once; each has a pool of one. */
const GUEST_CONNECTIONS = 8;

/**
 * A postgres.js pool of one on an embedded database's socket. `prepare` stays on: statements are
 * named, so no other connection's unnamed statement can take their place.
 */
export function connectEmbedded(port: number, host = '127.0.0.1'): Sql {
  return postgres({
    ...clientOptions,
    host,
    port,
    user: 'postgres',
    database: 'postgres',
    max: 1,
    prepare: true,
  }) as unknown as Sql;
}
