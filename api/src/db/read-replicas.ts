import { replicaHealth } from '../queries/replica-health-query';
import type { Sql } from './database';
import { connectServer, serverName } from './server-client';

export type ReplicaStatus = 'ok' | 'lagging' | 'unreachable';

export interface Replica {
  /** host:port/database: what /readyz and the logs call it. */
  name: string;
  sql: Sql;
  status: ReplicaStatus;
  /** Why it serves no reads (unreachable, not a replica, too far behind). */
  reason?: string;
  lagSeconds: number | null;
  replayLsn: string | null;
}

export interface ReadReplicasOptions {
  max: number;
  transactionPooler: boolean;
  /** How often every replica is asked how it is; default 500 ms. */
  intervalMs?: number;
  /** A check that takes longer counts as unreachable; default 1,000 ms. */
  timeoutMs?: number;
  /** A replica further behind serves no reads until it catches up; default 30 s. */
  maxLagSeconds?: number;
}

/**
 * The read replicas of DATABASE_READ_URL and what is known of each. A checker asks each every
 * interval whether it is a replica and how far behind; one that does not answer within the timeout,
 * or fails a request (markDown), serves nothing until a later check finds it well again. So a replica
 * that goes away is skipped within a second, and one that comes back is used again without a restart.
 */
export class ReadReplicas {
  readonly replicas: Replica[];
  private timer: NodeJS.Timeout | undefined;
  private turn = 0;
  private closed = false;

  constructor(
    urls: string[],
    private readonly options: ReadReplicasOptions,
  ) {
    this.replicas = urls.map((url) => ({
      name: serverName(url),
      sql: connectServer(url, {
        max: options.max,
        transactionPooler: options.transactionPooler,
        connectTimeout: 1,
      }),
      status: 'unreachable',
      reason: 'not checked yet',
      lagSeconds: null,
      replayLsn: null,
    }));
  }

  /** Checks every replica once, then keeps checking in the background until close. */
  async start(): Promise<void> {
    await this.checkAll();
    this.schedule();
  }

  /** The replicas that may serve a read now, each in its turn first (round robin). */
  available(): Replica[] {
    const ok = this.replicas.filter((r) => r.status === 'ok');
    if (ok.length < 2) return ok;
    const first = this.turn++ % ok.length;
    return [...ok.slice(first), ...ok.slice(0, first)];
  }

  /** A request found it unreachable: no reads go there until a check finds it well again. */
  markDown(replica: Replica, reason: string): void {
    replica.status = 'unreachable';
    replica.reason = reason;
  }

  /** Asks every replica now (what /readyz reports). */
  async checkAll(): Promise<Replica[]> {
    await Promise.all(this.replicas.map((replica) => this.check(replica)));
    return this.replicas;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await Promise.all(this.replicas.map((r) => r.sql.end({ timeout: 5 })));
  }

  private async check(replica: Replica): Promise<void> {
    const timeoutMs = this.options.timeoutMs ?? 1_000;
    try {
      const health = await withTimeout(replicaHealth(replica.sql), timeoutMs);
      replica.lagSeconds = health.lagSeconds;
      replica.replayLsn = health.replayLsn;
      if (!health.inRecovery) {
        // A promoted or wrongly named server: its data may have left the primary's history.
        this.markDown(replica, 'not a replica (not in recovery)');
      } else if (health.lagSeconds > (this.options.maxLagSeconds ?? 30)) {
        replica.status = 'lagging';
        replica.reason = `replay ${Math.round(health.lagSeconds)} s behind`;
      } else {
        replica.status = 'ok';
        delete replica.reason;
      }
    } catch (error) {
      replica.lagSeconds = null;
      this.markDown(replica, error instanceof Error ? error.message : String(error));
    }
  }

  private schedule(): void {
    if (this.closed) return;
    this.timer = setTimeout(() => {
      void this.checkAll().finally(() => this.schedule());
    }, this.options.intervalMs ?? 500);
    // The checker alone never keeps a process alive (a CLI command ends when its work does).
    this.timer.unref();
  }
}

/** A connection fault (isConnectionFault knows ETIMEDOUT) when `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(Object.assign(new Error(`no answer within ${ms} ms`), { code: 'ETIMEDOUT' })),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
