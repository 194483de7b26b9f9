import type { Database, Sql } from '../db/database';
import {
  MessageWriter,
  prepareBulkWrite,
  UPSERT_BATCH,
  type UpsertCounts,
} from '../repositories/messages-repository';
import type { MessageInput } from './message-input';

/**
 * Rows per transaction: a generated set is not all-or-nothing. The pre-aggregates are summed once
 * per transaction (migration 0003), so larger ones cost less a row: a server takes 1,000,000 (a queue
 * of ~130 MB temp table); PGlite keeps its WASM memory low with 50,000.
 */
const ROWS_PER_TRANSACTION = { server: 1_000_000, embedded: 50_000 } as const;
/**
 * Concurrent transactions. Since 0012-0023 the commit-time flush writes ~20 pre-aggregates, and writers whose
 * messages share cells wait on each other's flush (rows locked until commit), so the flushes run one at a time
 * whatever the writers; a second writer still overlaps its upserts with the other's flush. 1M city messages on
 * a quiet machine (2026-12-01, docs/scale.md): 3 writers x 250,000 rows 2,552 msg/s, 2 x 1,000,000 3,093,
 * 1 x 1,000,000 3,115 (before those pre-aggregates 3 x 250,000 made 22,237).
 */
const WRITERS = { server: 2, embedded: 1 } as const;

export interface UpsertGeneratedOptions {
  onProgress?: (rows: number) => void;
  /** Defaults by backend: ROWS_PER_TRANSACTION and WRITERS. */
  rowsPerTransaction?: number;
  writers?: number;
}

/**
 * Streams messages (generated ones: each key once) into the database in batches over WRITERS
 * connections, each committing every ROWS_PER_TRANSACTION rows. Each writer sends a batch and
 * returns, so preparing the next batch in Node overlaps the database's work.
 */
export async function upsertGenerated(
  db: Pick<Database, 'sql' | 'kind'>,
  messages: Iterable<MessageInput>,
  timezone: string,
  options: UpsertGeneratedOptions = {},
): Promise<UpsertCounts> {
  const { onProgress } = options;
  const rowsPerTransaction = options.rowsPerTransaction ?? ROWS_PER_TRANSACTION[db.kind];
  const writers = options.writers ?? WRITERS[db.kind];
  const totals: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const source = messages[Symbol.iterator]();
  const state = { rows: 0, done: false };
  const take = (max: number): MessageInput[] => {
    const batch: MessageInput[] = [];
    while (batch.length < max && !state.done) {
      const next = source.next();
      if (next.done) state.done = true;
      else batch.push(next.value);
    }
    state.rows += batch.length;
    return batch;
  };
  const transaction = (first: MessageInput[], rowsLeft: number) =>
    db.sql.begin(async (tx) => {
      const sql = tx as unknown as Sql;
      await prepareBulkWrite(sql);
      const writer = new MessageWriter(sql, timezone);
      for (let batch = first; batch.length > 0; batch = take(Math.min(UPSERT_BATCH, rowsLeft))) {
        await writer.write(batch);
        rowsLeft -= batch.length;
        onProgress?.(state.rows);
      }
      const c = await writer.finish();
      totals.inserted += c.inserted;
      totals.updated += c.updated;
      totals.unchanged += c.unchanged;
    });
  // The first batch alone: it commits the new source and category names, on which concurrent
  // writers would otherwise wait for each other's commit.
  await transaction(take(UPSERT_BATCH), UPSERT_BATCH);
  const writerLoop = async () => {
    while (!state.done) {
      const first = take(UPSERT_BATCH);
      if (first.length === 0) break;
      await transaction(first, rowsPerTransaction);
    }
  };
  await Promise.all(Array.from({ length: writers }, writerLoop));
  return totals;
}
