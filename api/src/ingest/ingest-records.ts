import type { Sql } from '../db/database';
import { MessageWriter, prepareBulkWrite, UPSERT_BATCH } from '../repositories/messages-repository';
import { ensureTimezone } from '../repositories/settings-repository';
import { checkMapping, type RecordMapping } from './field-mapping';
import type { IngestReport, MessageInput } from './message-input';
import { recordToMessage } from './record-to-message';

/** One input record: `line` (1-based) for files, `index` (0-based) for HTTP arrays. */
export interface SourceRecord {
  line?: number;
  index?: number;
  record: Record<string, unknown>;
  /** Set by a reader that already knows the record is unusable (a GeoJSON feature without a point). */
  reason?: string;
}

export interface IngestProgress {
  rows: number;
  rejected: number;
}

export interface IngestOptions {
  mapping: RecordMapping;
  /** Source for records that carry none. */
  source?: string;
  /** The only source this writer may write; see ConvertOptions.ownSource. */
  ownSource?: string;
  /** Region time zone: naive timestamps are read in it and `local_day` is computed in it. */
  timezone: string;
  onProgress?: (progress: IngestProgress) => void;
}

/**
 * Validates and upserts every record in ONE transaction: a reader that throws half-way (broken
 * gzip, malformed JSON, bad encoding) leaves the database as it was. Rows that fail validation are
 * reported with their line or index and skipped; the good rows go in.
 */
export async function ingestRecords(
  sql: Sql,
  records: AsyncIterable<SourceRecord> | Iterable<SourceRecord>,
  options: IngestOptions,
): Promise<IngestReport> {
  checkMapping(options.mapping);
  const report: IngestReport = { inserted: 0, updated: 0, unchanged: 0, rejected: [] };
  let rows = 0;
  // One clock for the whole batch: a row accepted at its start is not rejected at its end.
  const convert = { ...options, now: new Date() };
  // Source and id -> where it first came: a second copy in one batch is a mistake to report, not a
  // silent "unchanged" (which of two different rows should win?).
  const seen = new Map<string, number>();
  await sql.begin(async (tx) => {
    const db = tx as unknown as Sql;
    await prepareBulkWrite(db);
    await ensureTimezone(db, options.timezone);
    // The writer sends a batch and returns: reading and validating the next one overlaps the insert.
    const writer = new MessageWriter(db, options.timezone);
    let batch: MessageInput[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await writer.write(batch);
      batch = [];
      options.onProgress?.({ rows, rejected: report.rejected.length });
    };
    for await (const item of records) {
      rows++;
      const at = item.line ?? item.index ?? rows - 1;
      const where = item.line !== undefined ? { line: at } : { index: at };
      if (item.reason) {
        report.rejected.push({ ...where, reason: item.reason });
        continue;
      }
      const result = recordToMessage(item.record, convert);
      if ('reason' in result) {
        report.rejected.push({ ...where, reason: result.reason });
        continue;
      }
      const { source, externalId } = result.message;
      const key = `${source}\u0000${externalId}`;
      const first = seen.get(key);
      if (first !== undefined) {
        const firstAt = 'line' in where ? `line ${first}` : `index ${first}`;
        report.rejected.push({ ...where, reason: `duplicate id in this batch: the same as ${firstAt}` });
        continue;
      }
      seen.set(key, at);
      batch.push(result.message);
      if (batch.length >= UPSERT_BATCH) await flush();
    }
    await flush();
    const counts = await writer.finish();
    report.inserted += counts.inserted;
    report.updated += counts.updated;
    report.unchanged += counts.unchanged;
  });
  options.onProgress?.({ rows, rejected: report.rejected.length });
  return report;
}
