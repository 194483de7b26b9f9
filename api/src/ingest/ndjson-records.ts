import type { SourceRecord } from './ingest-records';
import { InputFileError, MAX_RECORD_CHARS } from './text-stream';

/** NDJSON / JSON Lines: one object per line; blank lines are skipped; a malformed line fails the file. */
export async function* ndjsonRecords(
  chunks: AsyncIterable<string>,
  name = 'input',
): AsyncGenerator<SourceRecord> {
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    if (rest.length > MAX_RECORD_CHARS) {
      throw new InputFileError(
        `${name} line ${line + lines.length + 1} is longer than ${MAX_RECORD_CHARS} characters; no message needs that much`,
      );
    }
    for (const text of lines) {
      line++;
      const record = parseLine(text, line, name);
      if (record) yield record;
    }
  }
  if (rest.trim()) {
    line++;
    const record = parseLine(rest, line, name);
    if (record) yield record;
  }
}

function parseLine(text: string, line: number, name: string): SourceRecord | undefined {
  if (!text.trim()) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new InputFileError(`${name} line ${line}: malformed JSON (${(err as Error).message})`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { line, record: {}, reason: 'the line is not a JSON object' };
  }
  return { line, record: value as Record<string, unknown> };
}
