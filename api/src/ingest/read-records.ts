import { basename } from 'node:path';
import { csvRecords } from './csv-records';
import type { SourceRecord } from './ingest-records';
import { geojsonRecords, jsonArrayRecords } from './json-records';
import { ndjsonRecords } from './ndjson-records';
import { InputFileError, openTextStream } from './text-stream';

export const FILE_FORMATS = ['csv', 'json', 'ndjson', 'geojson'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/** The format from the extension, ignoring a trailing `.gz`. */
export function formatOf(path: string): FileFormat {
  const name = basename(path).toLowerCase().replace(/\.gz$/, '');
  const ext = name.slice(name.lastIndexOf('.') + 1);
  if (ext === 'csv' || ext === 'tsv') return 'csv';
  if (ext === 'json') return 'json';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'geojson') return 'geojson';
  throw new InputFileError(
    `cannot tell the format of ${basename(path)}: use .csv, .json, .ndjson, .jsonl or .geojson (optionally + .gz)`,
  );
}

export interface RecordFile {
  format: FileFormat;
  records: AsyncIterable<SourceRecord>;
  bytesRead(): number;
}

/** Streams the records of a file, whatever its format. */
export function readRecordFile(path: string, maxUnpackedBytes?: number): RecordFile {
  const format = formatOf(path);
  const stream = openTextStream(path, maxUnpackedBytes);
  const name = basename(path);
  const readers = { csv: csvRecords, json: jsonArrayRecords, ndjson: ndjsonRecords, geojson: geojsonRecords };
  return { format, records: readers[format](stream.chunks, name), bytesRead: stream.bytesRead };
}
