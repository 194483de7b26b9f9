import type { Sql } from '../db/database';
import { type ChangeBatch, changesSince, currentDataVersion } from '../queries/data-changes-query';

export type ChangeListener = (batch: ChangeBatch) => void;

export interface ChangeFeedOptions {
  /** How often the data_version is read while someone listens; default 500 ms. */
  intervalMs?: number;
  onError?: (error: unknown) => void;
  /** A newer data_version was read, before any listener hears of it (reads must then show it too). */
  onVersion?: (version: bigint) => void;
}

/**
 * One watcher per process for every open stream: while anyone listens it reads data_version every
 * interval (one indexed row; both backends, no LISTEN/NOTIFY through the embedded session server) and,
 * when it moved, the recorded changes once, handed to every listener. A failed read (database restart)
 * is reported and retried at the next tick; the streams stay open. A listener that has seen less
 * than a batch starts from (it joined between two reads) asks `since` for the gap itself.
 */
export class ChangeFeed {
  private readonly listeners = new Set<ChangeListener>();
  private timer: NodeJS.Timeout | undefined;
  private seen: bigint | undefined;
  private ticking = false;
  private closed = false;

  constructor(
    private readonly sql: Sql,
    private readonly options: ChangeFeedOptions = {},
  ) {}

  /** The current data_version, read now. */
  current(): Promise<bigint> {
    return currentDataVersion(this.sql);
  }

  /** The changes after `version` (a reconnecting stream's Last-Event-ID, or a listener's gap). */
  since(version: bigint): Promise<ChangeBatch> {
    return changesSince(this.sql, version);
  }

  /** Listen from `from` on (the version the listener has told its caller about); returns the unsubscribe. */
  subscribe(listener: ChangeListener, from: bigint): () => void {
    this.listeners.add(listener);
    // Read from the oldest position any listener needs: one that joined behind gets it in the next batch.
    if (this.seen === undefined || from < this.seen) this.seen = from;
    this.schedule();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  close(): void {
    this.closed = true;
    this.listeners.clear();
    this.stop();
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.seen = undefined;
  }

  /** One chain of reads at a time: a tick in flight schedules the next itself. */
  private schedule(): void {
    if (this.timer !== undefined || this.ticking || this.closed || this.listeners.size === 0) return;
    this.timer = setTimeout(() => void this.tick(), this.options.intervalMs ?? 500);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    this.ticking = true;
    try {
      const seen = this.seen;
      if (seen !== undefined && (await currentDataVersion(this.sql)) > seen) {
        const batch = await changesSince(this.sql, seen);
        // A listener that joined behind while we read keeps the position it lowered.
        if (this.seen === seen) this.seen = batch.version;
        this.options.onVersion?.(batch.version);
        for (const listener of [...this.listeners]) listener(batch);
      }
    } catch (error) {
      this.options.onError?.(error);
    } finally {
      this.ticking = false;
      this.schedule();
    }
  }
}
