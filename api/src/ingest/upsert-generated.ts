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
 * per transaction (migration 0003), so larger ones cost less a row: a server takes 250,000 (a queue
 * of ~30 MB temp table); PGlite keeps its WASM memory low with 50,000.
 */
const ROWS_PER_TRANSACTION = { server: 250_000, embedded: 50_000 } as const;
/**
 * Concurrent transactions. The database backend is the bottleneck (~2x Node's work a row), and a
 * server runs one backend per connection: three keep both cores busy, also while one of them sums
 * its pre-aggregates at commit (1M messages, side by side: 2 writers 19,721 and 12,898 msg/s,
 * 3 writers 20,825 and 14,269, on a busy machine). PGlite runs one query at a time.
 */
const WRITERS = { server: 3, embedded: 1 } as const;

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
