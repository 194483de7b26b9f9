import { AsyncLocalStorage } from 'node:async_hooks';
import { getSetting } from '../repositories/settings-repository';
import { isConnectionFault } from './connection-fault';
import type { Sql } from './database';
import { type ReadReplicas, withTimeout } from './read-replicas';

/** The database the read in progress uses: set by ReadRouter.run for everything its callback awaits. */
const readTarget = new AsyncLocalStorage<Sql>();

/**
 * A client that sends each query to the database chosen for the read in progress (ReadRouter.run),
 * and to the primary outside one. The read queries are bound to it once, at start; a Proxy, so that
 * every query module keeps taking a plain `Sql`.
 */
export function routedSql(primary: Sql): Sql {
  const target = () => readTarget.getStore() ?? primary;
  return new Proxy(primary, {
    apply: (_primary, self, args) => Reflect.apply(target() as never, self, args),
    get: (_primary, property) => {
      const sql = target();
      const value = Reflect.get(sql, property);
      return typeof value === 'function' ? value.bind(sql) : value;
    },
  });
}

export interface ReadRouterOptions {
  /**
   * How long a data_version read is trusted, per database, in ms. 0 (default): read on every request.
   * A server under load may trust it briefly: a write from another process then shows after at most
   * this long, a write through this process at once (wrote() forgets every read).
   */
  versionTtlMs?: number;
  /** A replica's data_version read that takes longer counts as unreachable; default 1,000 ms. */
  timeoutMs?: number;
}

/**
 * Chooses the database of each cached read: a replica whose data_version is at least what this
 * process has written and what the client has seen, else the primary. The data_version handed to
 * the read is the one of the database that answers it, so an ETag never names data it does not hold.
 */
export class ReadRouter {
  private readonly versions = new Map<Sql, { value: string; at: number }>();
  /**
   * The least data_version a replica must hold to answer: after this process's last write (read on
   * the primary), or the newest its stream announced; null while unknown (reads go to the primary).
   */
  private floor: Promise<bigint | null> = Promise.resolve(0n);

  constructor(
    private readonly primary: Sql,
    private readonly replicas: ReadReplicas | undefined,
    private readonly options: ReadRouterOptions = {},
  ) {}

  /**
   * Runs `read` with its queries on the chosen database (through routedSql) and its data_version.
   * `seen`: a data_version the client already had (its ETag); a replica behind it would go backwards.
   * A replica that fails on the way is marked down and the read runs again elsewhere.
   */
  async run<T>(read: (version: string) => Promise<T>, seen = 0n): Promise<T> {
    if (this.replicas) {
      const floor = await this.floor;
      // The primary did not answer after a write: this read waits there, the next one asks again.
      if (floor === null) this.floor = this.readFloor();
      for (const replica of floor === null ? [] : this.replicas.available()) {
        try {
          const version = await this.version(replica.sql, this.options.timeoutMs ?? 1_000);
          if (BigInt(version) < (floor ?? 0n) || BigInt(version) < seen) continue;
          return await readTarget.run(replica.sql, () => read(version));
        } catch (error) {
          // Replay may cancel a long read on a replica (a conflict with recovery): not the read's fault.
          if (isRecoveryConflict(error)) continue;
          if (!isConnectionFault(error)) throw error;
          this.versions.delete(replica.sql);
          this.replicas.markDown(replica, (error as Error).message);
        }
      }
    }
    const version = await this.version(this.primary);
    return readTarget.run(this.primary, () => read(version));
  }

  /**
   * A write through this process committed: reads wait for it (read-after-write). The primary's
   * data_version now is at least the write's; a replica serves reads again once it has replayed that.
   */
  wrote(): void {
    this.versions.clear();
    if (this.replicas) this.floor = this.readFloor();
  }

  /** Reads must show at least `version` from now on: the stream has announced it to clients. */
  atLeast(version: bigint): void {
    if (!this.replicas) return;
    this.floor = this.floor.then((floor) => (floor === null || floor >= version ? floor : version));
  }

  private readFloor(): Promise<bigint | null> {
    return getSetting(this.primary, 'data_version').then(
      (value) => BigInt(value ?? '0'),
      () => null,
    );
  }

  private async version(sql: Sql, timeoutMs?: number): Promise<string> {
    const now = Date.now();
    const known = this.versions.get(sql);
    if (known && now - known.at < (this.options.versionTtlMs ?? 0)) return known.value;
    const read = getSetting(sql, 'data_version');
    const value = (await (timeoutMs === undefined ? read : withTimeout(read, timeoutMs))) ?? '0';
    this.versions.set(sql, { value, at: now });
    return value;
  }
}

/** SQLSTATE 40001 on a hot standby: "canceling statement due to conflict with recovery". */
function isRecoveryConflict(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '40001';
}
