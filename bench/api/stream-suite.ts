import { percentile, round } from './api-suite';
import { openBenchDataset } from './bench-dataset';
import { benchConfig, startBenchApp } from './bench-session';

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const STREAMS = Number(process.env.BENCH_STREAMS ?? 200);
const INGESTS = Number(process.env.BENCH_STREAM_INGESTS ?? 20);
const IDLE_SECONDS = Number(process.env.BENCH_STREAM_IDLE_SECONDS ?? 20);
/** The wall's polling interval before the stream (web/src/wall/wall-config.ts): the baseline. */
const WALL_POLL_MS = 30_000;

interface OpenStream {
  /** Resolves with the arrival time of the next `change` event after `since`. */
  nextChange(since: number): Promise<number>;
  close(): void;
}

async function openStream(url: string, cookie: string): Promise<OpenStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { cookie }, signal: abort.signal });
  if (!response.ok || !response.body) throw new Error(`stream: ${response.status}`);
  const changes: number[] = [];
  let wake: (() => void) | undefined;
  let ready!: () => void;
  const opened = new Promise<void>((resolve) => {
    ready = resolve;
  });
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes('event: ready')) ready();
          if (block.includes('event: change')) {
            changes.push(performance.now());
            wake?.();
          }
        }
      }
    } catch {
      // closed by the bench
    }
  })();
  await opened;
  return {
    async nextChange(since) {
      for (;;) {
        const hit = changes.find((at) => at >= since);
        if (hit !== undefined) return hit;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
    close: () => abort.abort(),
  };
}

/** Memory after a full collection when the bench runs with --expose-gc (pnpm bench does), else as it is. */
function settledMemory(): NodeJS.MemoryUsage {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage();
}

/** CPU time (user + system, µs) this process spends per second over `seconds`. */
async function cpuPerSecond(seconds: number): Promise<number> {
  const start = process.cpuUsage();
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  const used = process.cpuUsage(start);
  return (used.user + used.system) / seconds;
}

/**
 * `pnpm bench stream`: open streams on one server (in this process; the clients are the same
 * process and only read a few bytes an event). Memory and CPU per open stream against the same
 * server idle with none, and the time from an ingest's 200 OK to the event at every stream, beside
 * the wall's former 30 s polling interval.
 */
export async function streamSuite() {
  const db = await openBenchDataset(adminUrl, Number(process.env.BENCH_STREAM_SIZE ?? 100_000));
  const { app, base, cookie } = await startBenchApp(db);
  const token = benchConfig().ingestToken ?? 'dev-ingest-token';
  try {
    const idleCpu = await cpuPerSecond(IDLE_SECONDS);
    const before = settledMemory();
    const streams: OpenStream[] = [];
    for (let i = 0; i < STREAMS; i++) streams.push(await openStream(`${base}/api/v1/stream`, cookie));
    const after = settledMemory();
    const openCpu = await cpuPerSecond(IDLE_SECONDS);

    const latencies: number[] = [];
    const lastArrivals: number[] = [];
    for (let i = 0; i < INGESTS; i++) {
      const response = await fetch(`${base}/api/v1/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify([
          {
            id: `stream-bench-${Date.now()}-${i}`,
            createdAt: new Date().toISOString(),
            category: 'Roads',
            lat: 47.4979,
            lon: 19.0402,
          },
        ]),
      });
      if (!response.ok) throw new Error(`ingest: ${response.status} ${await response.text()}`);
      const acknowledged = performance.now();
      const arrivals = await Promise.all(streams.map((s) => s.nextChange(acknowledged)));
      latencies.push(...arrivals.map((at) => at - acknowledged));
      lastArrivals.push(Math.max(...arrivals) - acknowledged);
    }
    for (const stream of streams) stream.close();

    const result = {
      streams: STREAMS,
      memory: {
        rssPerStreamKb: round((after.rss - before.rss) / STREAMS / 1024),
        heapPerStreamKb: round((after.heapUsed - before.heapUsed) / STREAMS / 1024),
        rssBeforeMb: round(before.rss / 1048576),
        rssAfterMb: round(after.rss / 1048576),
      },
      cpu: {
        idleServerMsPerSecond: round(idleCpu / 1000),
        withStreamsMsPerSecond: round(openCpu / 1000),
        perStreamUsPerSecond: round((openCpu - idleCpu) / STREAMS),
      },
      ingestToEvent: {
        ingests: INGESTS,
        p50Ms: round(percentile(latencies, 0.5)),
        p95Ms: round(percentile(latencies, 0.95)),
        lastStreamP95Ms: round(percentile(lastArrivals, 0.95)),
        formerWallPollMs: WALL_POLL_MS,
        ratioToFormerPollMean: Math.round((percentile(latencies, 0.5) / (WALL_POLL_MS / 2)) * 1000) / 1000,
        raw: latencies.map(round),
      },
    };
    console.log(
      `${STREAMS} streams: ${result.memory.rssPerStreamKb} kB RSS and ${result.cpu.perStreamUsPerSecond} µs CPU/s each; ` +
        `ingest to event p50 ${result.ingestToEvent.p50Ms} ms, p95 ${result.ingestToEvent.p95Ms} ms (the wall polled every 30 s)`,
    );
    return result;
  } finally {
    await app.close();
    await db.close();
  }
}
