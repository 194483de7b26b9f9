import postgres from 'postgres';
import type { Sql } from './database';

// Messages tables hold int8 ids and H3 cells: read them as bigint, never as lossy numbers.
const types: Record<'bigint', postgres.PostgresType<bigint>> = {
  bigint: {
    to: 20,
    from: [20],
    serialize: (x: bigint) => x.toString(),
    parse: (x: string) => BigInt(x),
  },
};

/** Options every postgres.js client of the app shares, on both backends. */
export const clientOptions = { types, onnotice: () => {}, idle_timeout: 30, connect_timeout: 30 };

export interface ServerClientOptions {
  max: number;
  /** Behind a pooler in transaction mode (DatabaseTopology.poolMode): see connectServer. */
  transactionPooler: boolean;
  /** Seconds to wait for a connection; a replica is given 1, so that one that went away is skipped at once. */
  connectTimeout?: number;
}

/**
 * A postgres.js pool on a PostgreSQL server (the primary, a replica, or a pooler in front of one).
 *
 * Behind a pooler in transaction mode a server connection goes back to the pool at every
 * ReadyForQuery outside a transaction, so: no named prepared statements (the next query may reach a
 * server that lacks them), and no pipelining. Without prepared statements postgres.js sends a query
 * with parameters as Parse/Describe/Flush, then Bind/Execute/Sync after the answer; pipelined behind
 * another query, PgBouncer 1.18 (Debian 12) hands the server back at that query's ReadyForQuery and
 * drops the Describe's answer ("got packet from server when not linked"): the query hangs for ever.
 */
export function connectServer(url: string, options: ServerClientOptions): Sql {
  return postgres(url, {
    ...clientOptions,
    max: options.max,
    prepare: !options.transactionPooler,
    connect_timeout: options.connectTimeout ?? clientOptions.connect_timeout,
    // An option postgres.js reads but does not declare; 0 needs our patch (patches/README.md).
    ...({ max_pipeline: options.transactionPooler ? 0 : 100 } as object),
  }) as unknown as Sql;
}

/** host:port/database of a URL, without the credentials: how logs and /readyz name a server. */
export function serverName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
