import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/** The file cannot be read as a whole (bad gzip, bad encoding, malformed JSON): nothing is written. */
export class InputFileError extends Error {
  override name = 'InputFileError';
}

export interface TextStream {
  chunks: AsyncIterable<string>;
  /** Bytes read from disk so far (compressed bytes for .gz): progress against the file size. */
  bytesRead(): number;
}

/**
 * The most a `.gz` file may unpack to by default (4 GiB; `import --max-unpacked-mb`): a few kB of
 * gzip can unpack to terabytes, and the import would read them all inside one transaction.
 */
export const DEFAULT_MAX_UNPACKED_BYTES = 4096 * 1024 * 1024;

/**
 * The longest line (NDJSON) or record (CSV) a file may hold, in characters: a record is held in
 * memory whole while it is read, and every field has a limit far below this (field-limits.ts).
 */
export const MAX_RECORD_CHARS = 4 * 1024 * 1024;

/**
 * A file as UTF-8 text chunks, gunzipped when it ends in `.gz`. Invalid UTF-8, a damaged gzip
 * stream and one that unpacks past `maxUnpackedBytes` throw an InputFileError; a byte-order mark
 * is dropped.
 */
export function openTextStream(path: string, maxUnpackedBytes = DEFAULT_MAX_UNPACKED_BYTES): TextStream {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  const gzip = path.toLowerCase().endsWith('.gz');
  return {
    chunks: decode(gzip ? file.pipe(createGunzip()) : file, path, gzip ? maxUnpackedBytes : undefined, file),
    bytesRead: () => file.bytesRead,
  };
}

async function* decode(
  input: AsyncIterable<Buffer>,
  path: string,
  maxUnpackedBytes: number | undefined,
  file: NodeJS.ReadableStream,
): AsyncGenerator<string> {
  const gzip = maxUnpackedBytes !== undefined;
  // A gunzip error does not travel back through pipe(): surface file errors on the stream we read.
  if (gzip) file.on('error', (err) => (input as unknown as NodeJS.ReadableStream).emit('error', err));
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let offset = 0;
  try {
    for await (const chunk of input) {
      let text: string;
      try {
        text = decoder.decode(chunk, { stream: true });
      } catch {
        throw new InputFileError(
          `${path} is not valid UTF-8 (near byte ${offset}${gzip ? ' of the unpacked data' : ''}); save it as UTF-8 and retry`,
        );
      }
      offset += chunk.length;
      if (maxUnpackedBytes !== undefined && offset > maxUnpackedBytes) {
        (input as unknown as NodeJS.ReadableStream & { destroy(): void }).destroy();
        throw new InputFileError(
          `${path} unpacks to more than ${Math.round(maxUnpackedBytes / 2 ** 20)} MB; if the file is genuine, raise the limit with --max-unpacked-mb`,
        );
      }
      if (text) yield text;
    }
    try {
      const rest = decoder.decode();
      if (rest) yield rest;
    } catch {
      throw new InputFileError(`${path} is not valid UTF-8 (it ends inside a character)`);
    }
  } catch (err) {
    if (err instanceof InputFileError) throw err;
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') throw new InputFileError(`${path}: no such file`);
    if (e.code === 'EISDIR') throw new InputFileError(`${path} is a directory, not a file`);
    if (gzip && (e.code?.startsWith('Z_') || /unexpected end of file|header/i.test(e.message))) {
      throw new InputFileError(`${path} is not a valid gzip file (${e.message})`);
    }
    throw err;
  }
}
