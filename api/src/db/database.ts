import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';

/** postgres.js client as the whole app uses it; one type for both backends. */
export type Sql = postgres.Sql<{ bigint: bigint }>;

export interface Database {
  sql: Sql;
  kind: 'server' | 'embedded';
  close(): Promise<void>;
  /** Embedded only: a gzip tarball of the data directory (tests seed a snapshot once per run). */
  dumpDataDir?: () => Promise<Blob>;
}

export interface DatabaseOptions {
  /** postgres://… of a PostgreSQL 15+ server with PostGIS 3; absent: the embedded PGlite. */
  url?: string;
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

// Messages tables hold int8 ids and H3 cells: read them as bigint, never as lossy numbers.
const types: Record<'bigint', postgres.PostgresType<bigint>> = {
  bigint: {
    to: 20,
    from: [20],
    serialize: (x: bigint) => x.toString(),
    parse: (x: string) => BigInt(x),
  },
};

const clientOptions = { types, onnotice: () => {}, idle_timeout: 30, connect_timeout: 30 };

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.url) {
    const sql = postgres(options.url, { ...clientOptions, max: options.max ?? 10 }) as unknown as Sql;
    return { sql, kind: 'server', close: () => sql.end({ timeout: 5 }) };
  }
  return openEmbedded(options);
}

/**
 * PGlite behind pglite-socket, reached by the same postgres.js client as the server: one set of
 * queries, one driver, the same type parsing. PGlite runs one query at a time anyway, so the
 * pool holds one connection; `prepare` stays on (without it, pipelined queries interleave).
 */
async function openEmbedded(options: DatabaseOptions): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const dataDir = options.dataDir ?? 'memory://';
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const db: PGlite = await PGlite.create({
    dataDir,
    extensions: { postgis },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const max = 1;
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: max + 1 });
  await server.start();
  const own = { host: '127.0.0.1', port: socketPort(server) };
  const { host, port } = options.route ? await options.route(own) : own;
  const sql = postgres({
    ...clientOptions,
    host,
    port,
    user: 'postgres',
    database: 'postgres',
    max,
    prepare: true,
  }) as unknown as Sql;
  return {
    sql,
    kind: 'embedded',
    dumpDataDir: () => db.dumpDataDir('gzip'),
    async close() {
      await sql.end({ timeout: 5 });
      await server.stop();
      await db.close();
    },
  };
}

function socketPort(server: { getServerConn(): string }): number {
  const port = Number(server.getServerConn().split(':').pop());
  if (!Number.isInteger(port) || port <= 0) throw new Error('PGlite socket server did not start listening');
  return port;
}
