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
  /** false behind a pooler in transaction mode: see DatabaseTopology.poolMode. */
  prepare: boolean;
  /** Seconds to wait for a connection; a replica is given 1, so that one that went away is skipped at once. */
  connectTimeout?: number;
}

/** A postgres.js pool on a PostgreSQL server (the primary, a replica, or a pooler in front of one). */
export function connectServer(url: string, options: ServerClientOptions): Sql {
  return postgres(url, {
    ...clientOptions,
    max: options.max,
    prepare: options.prepare,
    connect_timeout: options.connectTimeout ?? clientOptions.connect_timeout,
  }) as unknown as Sql;
}

/** host:port/database of a URL, without the credentials: how logs and /readyz name a server. */
export function serverName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
}
