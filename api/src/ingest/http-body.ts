import { QueryError } from '../queries/query-error';
import { MAX_INGEST_RECORDS } from '../schemas/ingest';
import type { SourceRecord } from './ingest-records';
import { ndjsonRecords } from './ndjson-records';
import { InputFileError } from './text-stream';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * A request body as text. Invalid UTF-8 is refused: decoding it leniently would store U+FFFD in
 * place of what the sender meant (and create a category no one can match).
 */
export function decodeBody(body: Buffer): string {
  try {
    return utf8.decode(body);
  } catch {
    throw new QueryError(400, 'Invalid body: it is not valid UTF-8; send UTF-8 text');
  }
}

/**
 * The records of an ingest body: a JSON array (by index) or NDJSON text (by line). Anything else,
 * `null` included, is a 400: there is nothing to report row by row.
 */
export async function bodyRecords(body: unknown, ndjson: boolean): Promise<SourceRecord[]> {
  const records = ndjson && typeof body === 'string' ? await ndjsonList(body) : arrayRecords(body);
  if (records.length > MAX_INGEST_RECORDS) {
    throw new QueryError(400, `Invalid body: at most ${MAX_INGEST_RECORDS} records per request`);
  }
  return records;
}

function arrayRecords(items: unknown): SourceRecord[] {
  if (!Array.isArray(items)) {
    throw new QueryError(
      400,
      'Invalid body: send a JSON array of message objects (application/json) or NDJSON (application/x-ndjson)',
    );
  }
  return items.map((item, index) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? { index, record: item as Record<string, unknown> }
      : { index, record: {}, reason: 'the item is not a JSON object' },
  );
}

async function ndjsonList(text: string): Promise<SourceRecord[]> {
  const records: SourceRecord[] = [];
  try {
    const chunks = (async function* () {
      yield text;
    })();
    for await (const record of ndjsonRecords(chunks, 'body')) records.push(record);
  } catch (error) {
    if (error instanceof InputFileError) throw new QueryError(400, `Invalid body: ${error.message}`);
    throw error;
  }
  return records;
}
