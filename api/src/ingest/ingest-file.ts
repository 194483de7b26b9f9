import type { Sql } from '../db/database';
import { IDENTITY_MAPPING, type RecordMapping } from './field-mapping';
import { type IngestProgress, ingestRecords, type SourceRecord } from './ingest-records';
import { JAROKELO_MAPPING, looksLikeJarokelo } from './jarokelo-mapping';
import type { IngestReport } from './message-input';
import { readRecordFile } from './read-records';

export interface IngestFileOptions {
  /** Explicit mapping (`--map`); without one, the Járókelő mapping if the file has its columns, else identity. */
  mapping?: RecordMapping;
  /** Applied on top of the detected mapping when `mapping` is absent. */
  refineMapping?: (detected: RecordMapping) => RecordMapping;
  source?: string;
  timezone: string;
  /** A `.gz` file unpacking past this fails (default DEFAULT_MAX_UNPACKED_BYTES). */
  maxUnpackedBytes?: number;
  onProgress?: (progress: IngestProgress & { bytesRead: number }) => void;
}

export interface IngestFileReport extends IngestReport {
  mappingName: 'jarokelo' | 'identity' | 'custom';
}

/** Imports one file in one transaction (see ingestRecords). */
export async function ingestFile(
  sql: Sql,
  path: string,
  options: IngestFileOptions,
): Promise<IngestFileReport> {
  const file = await openMappedFile(path, options);
  const onProgress = options.onProgress;
  const report = await ingestRecords(sql, file.records, {
    mapping: file.mapping,
    timezone: options.timezone,
    ...(options.source ? { source: options.source } : {}),
    ...(onProgress
      ? { onProgress: (p: IngestProgress) => onProgress({ ...p, bytesRead: file.bytesRead() }) }
      : {}),
  });
  return { ...report, mappingName: file.mappingName };
}

export interface MappedFile {
  mapping: RecordMapping;
  mappingName: IngestFileReport['mappingName'];
  records: AsyncGenerator<SourceRecord>;
  bytesRead(): number;
}

/**
 * A record file with the mapping it is read with: the one given, else the Járókelő mapping when its
 * first record has Járókelő's columns, else identity (import and replay read files alike).
 */
export async function openMappedFile(
  path: string,
  options: Pick<IngestFileOptions, 'mapping' | 'refineMapping' | 'maxUnpackedBytes'>,
): Promise<MappedFile> {
  const file = readRecordFile(path, options.maxUnpackedBytes);
  const iterator = file.records[Symbol.asyncIterator]();
  const first = await iterator.next();
  let mappingName: IngestFileReport['mappingName'] = 'custom';
  let mapping = options.mapping;
  if (!mapping) {
    const jarokelo = !first.done && looksLikeJarokelo(first.value.record);
    mappingName = jarokelo ? 'jarokelo' : 'identity';
    mapping = jarokelo ? JAROKELO_MAPPING : IDENTITY_MAPPING;
    if (options.refineMapping) {
      mapping = options.refineMapping(mapping);
      mappingName = 'custom';
    }
  }
  async function* all(): AsyncGenerator<SourceRecord> {
    if (first.done) return;
    yield first.value;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { mapping, mappingName, records: all(), bytesRead: () => file.bytesRead() };
}
