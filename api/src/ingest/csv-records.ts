import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import type { SourceRecord } from './ingest-records';
import { InputFileError, MAX_RECORD_CHARS } from './text-stream';

/** CSV with a header row; the delimiter (comma, semicolon, tab) is taken from the header line. */
export async function* csvRecords(
  chunks: AsyncIterable<string>,
  name = 'input',
): AsyncGenerator<SourceRecord> {
  const iterator = chunks[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new InputFileError(`${name} is empty; a CSV file needs a header row`);
  const header = first.value.slice(0, first.value.indexOf('\n') >>> 0);
  const delimiter = [',', ';', '\t'].sort((a, b) => header.split(b).length - header.split(a).length)[0];
  async function* all() {
    yield first.value as string;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const parser = parse({
    columns: true,
    bom: true,
    delimiter,
    skip_empty_lines: true,
    info: true,
    trim: true,
    max_record_size: MAX_RECORD_CHARS,
  });
  // pipeline, not pipe: a read error (bad gzip, bad UTF-8) must reach the loop below.
  pipeline(Readable.from(all()), parser).catch(() => {});
  try {
    for await (const row of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield { line: row.info.lines, record: row.record };
    }
  } catch (err) {
    if (err instanceof InputFileError) throw err;
    if (err instanceof CsvError) throw new InputFileError(`${name}: malformed CSV (${err.message})`);
    throw err;
  }
}
