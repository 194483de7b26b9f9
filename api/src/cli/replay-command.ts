import { parseArgs } from 'node:util';
import type { Config } from '../config/config';
import { parseMappingOption } from '../ingest/field-mapping';
import { readReplayFile } from '../replay/replay-file';
import { ReplayRefusedError, runReplay } from '../replay/replay-runner';
import { UsageError } from './usage';

export const REPLAY_USAGE = `Usage: pnpm heatmap replay <file> [--speed N] [--shift-to-now] [--url URL] [--key KEY] [--map ...]

Sends the messages of a file (any format import reads) to a running server through its HTTP API as
they happened: each message as new when it was created, then its answer and its resolution at their
own times, N times faster than real time (default 1). --shift-to-now makes every time the moment it
is sent, so old data arrives as if it were happening now. The server is --url (default
http://127.0.0.1:PORT); the key (--key, default HEATMAP_INGEST_TOKEN) decides the source written.
A server that goes away is waited for: nothing is lost, as the API ignores what it already has.`;

export interface ReplayCommandIo {
  config: Config;
  stdout: NodeJS.WritableStream;
  signal?: AbortSignal;
}

/** `heatmap replay …`: resolves to the exit code (0 sent, 1 refused by the server, 2 bad usage). */
export async function runReplayCommand(argv: readonly string[], io: ReplayCommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      speed: { type: 'string' },
      'shift-to-now': { type: 'boolean' },
      url: { type: 'string' },
      key: { type: 'string' },
      map: { type: 'string' },
      timezone: { type: 'string' },
    },
  });
  const [file, ...extra] = positionals;
  if (!file || extra.length > 0) throw new UsageError(`replay needs one file\n\n${REPLAY_USAGE}`);
  const speed = values.speed === undefined ? 1 : Number(values.speed);
  if (!Number.isFinite(speed) || speed <= 0) throw new UsageError('--speed must be a number above 0');
  const key = values.key ?? io.config.ingestToken;
  if (!key) throw new UsageError('replay needs --key (or HEATMAP_INGEST_TOKEN)');
  const url = values.url ?? `http://127.0.0.1:${io.config.port}`;

  const { events, rejected } = await readReplayFile(file, {
    timezone: values.timezone ?? io.config.timezone,
    ...(values.map && { mapping: parseMappingOption(values.map) }),
  });
  const say = (line: string) => io.stdout.write(`${line}\n`);
  say(
    `replaying ${events.length} events from ${file} to ${url} at ${speed}x${values['shift-to-now'] ? ', as of now' : ''}`,
  );
  if (rejected.length > 0)
    say(`  ${rejected.length} rows are not messages and are not sent (import would say why)`);
  try {
    const sent = await runReplay(events, {
      url,
      key,
      speed,
      shiftToNow: values['shift-to-now'] ?? false,
      ...(io.signal && { signal: io.signal }),
      onBatch: (batch) => {
        for (const row of batch.rejected) say(`  rejected: ${row.reason}`);
      },
    });
    say(`sent ${sent} of ${events.length} events`);
    return 0;
  } catch (error) {
    if (error instanceof ReplayRefusedError) {
      say(`error: ${error.message}`);
      return 1;
    }
    throw error;
  }
}
