import type { ChangeBatch } from '../queries/data-changes-query';
import type { ChangeFeed } from './change-feed';
import { scopeChanges } from './scoped-change';

/**
 * One caller's stream of change events: keeps the version it has told the caller about, passes on
 * each batch in its scope exactly once and in order, and reads a gap itself (the stream resumed from
 * Last-Event-ID, or joined the feed between two of its reads) before it goes on.
 */
export class CallerStream {
  private sentUpTo: bigint;
  private catchingUp: Promise<void> | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly districtIds: readonly number[] | 'all',
    from: bigint,
    private readonly write: (event: string) => void,
  ) {
    this.sentUpTo = from;
    this.unsubscribe = feed.subscribe((batch) => this.take(batch), from);
  }

  /** Reads what came after `from` up to now, if anything (a resumed stream). */
  catchUp(): Promise<void> {
    this.catchingUp ??= this.feed
      .since(this.sentUpTo)
      .then((batch) => this.take(batch))
      .catch(() => {
        // The next batch of the feed finds the same gap and tries again.
      })
      .finally(() => {
        this.catchingUp = undefined;
      });
    return this.catchingUp;
  }

  close(): void {
    this.unsubscribe();
  }

  private take(batch: ChangeBatch): void {
    if (batch.version <= this.sentUpTo) return;
    if (batch.since > this.sentUpTo) {
      void this.catchUp();
      return;
    }
    const fresh = { ...batch, changes: batch.changes.filter((c) => c.version > this.sentUpTo) };
    this.sentUpTo = batch.version;
    const change = scopeChanges(fresh, this.districtIds);
    if (change) this.write(`id: ${change.dataVersion}\nevent: change\ndata: ${JSON.stringify(change)}\n\n`);
  }
}
