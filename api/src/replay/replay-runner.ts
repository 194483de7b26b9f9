import { setTimeout as sleep } from 'node:timers/promises';
import { batchesOf, dueAt, type IngestRecord, type ReplayEvent, recordForEvent } from './replay-plan';

export interface ReplayOptions {
  /** Base URL of the running server, e.g. http://127.0.0.1:3000. */
  url: string;
  /** A key (or HEATMAP_INGEST_TOKEN) that may write the records' source. */
  key: string;
  /** How many times faster than the data happened; default 1. */
  speed?: number;
  /** Every instant becomes the moment its event is sent: old data arrives as if it were happening now. */
  shiftToNow?: boolean;
  /** Ends the replay (the events sent so far stay sent). */
  signal?: AbortSignal;
  /** After each accepted batch: what was sent and what the server said about bad rows. */
  onBatch?: (report: BatchReport) => void;
  /** A failed POST (server down) is retried after this long, doubling up to 30 s; default 1 s. */
  retryMs?: number;
  now?: () => number;
}

export interface BatchReport {
  sent: number;
  rejected: { index?: number; reason: string }[];
}

const MAX_BATCH = 1000;

/**
 * Sends the events through the HTTP API as they fall due. Every batch is retried until the server
 * takes it (the API is idempotent: a batch sent twice changes nothing the second time), so a server
 * restart in the middle loses nothing. Resolves when every event is sent or the signal aborts.
 */
export async function runReplay(events: readonly ReplayEvent[], options: ReplayOptions): Promise<number> {
  const now = options.now ?? Date.now;
  const speed = options.speed ?? 1;
  const first = events[0]?.at ?? 0;
  const startedAt = now();
  const stamp = options.shiftToNow
    ? (at: number) => new Date(dueAt(at, first, startedAt, speed))
    : (at: number) => new Date(at);
  let next = 0;
  let sent = 0;
  while (next < events.length && !options.signal?.aborted) {
    const due: IngestRecord[] = [];
    while (
      next < events.length &&
      dueAt((events[next] as ReplayEvent).at, first, startedAt, speed) <= now()
    ) {
      due.push(recordForEvent(events[next] as ReplayEvent, stamp));
      next += 1;
    }
    for (const batch of batchesOf(due, MAX_BATCH)) {
      if (!(await post(batch, options))) return sent;
      sent += batch.length;
    }
    const upcoming = events[next];
    if (upcoming === undefined) break;
    const wait = dueAt(upcoming.at, first, startedAt, speed) - now();
    // Wakes at least every second so an abort ends the replay promptly.
    if (wait > 0) await sleep(Math.min(wait, 1000), undefined, { signal: options.signal }).catch(() => {});
  }
  return sent;
}

/** One batch until the server takes it; false when aborted first. */
async function post(batch: IngestRecord[], options: ReplayOptions): Promise<boolean> {
  let delay = options.retryMs ?? 1000;
  while (!options.signal?.aborted) {
    try {
      const response = await fetch(new URL('/api/v1/messages', options.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${options.key}`, 'content-type': 'application/json' },
        body: JSON.stringify(batch),
        ...(options.signal && { signal: options.signal }),
      });
      if (response.ok) {
        const report = (await response.json()) as { rejected: BatchReport['rejected'] };
        options.onBatch?.({ sent: batch.length, rejected: report.rejected });
        return true;
      }
      // A client error will not heal by itself: say so and stop, rather than loop forever.
      if (response.status >= 400 && response.status < 500 && response.status !== 429) {
        throw new ReplayRefusedError(response.status, await response.text());
      }
    } catch (error) {
      if (error instanceof ReplayRefusedError) throw error;
      if (options.signal?.aborted) return false;
    }
    await sleep(delay, undefined, { signal: options.signal }).catch(() => {});
    delay = Math.min(30_000, delay * 2);
  }
  return false;
}

export class ReplayRefusedError extends Error {
  constructor(
    readonly status: number,
    body: string,
  ) {
    super(`the server refused the replay (${status}): ${body.slice(0, 300)}`);
  }
}
