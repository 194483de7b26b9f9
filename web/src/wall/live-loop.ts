/**
 * Keeps a wall's data fresh for days: polls on an interval, and when a poll fails keeps the last data,
 * reports the connection stale since the last success and retries with exponential backoff until the
 * server answers again. One timer at a time, one request at a time; stop() leaves nothing behind.
 */
export type ConnectionStatus = 'connecting' | 'live' | 'stale';

export interface ConnectionState {
  status: ConnectionStatus;
  /** When the last poll succeeded (epoch ms), null before the first. */
  lastSuccessAt: number | null;
  /** Polls failed in a row. */
  failures: number;
  /** The last failure's message, for the status line's title. */
  lastError: string | null;
}

export interface LiveLoopOptions {
  /** One poll; rejects when the server cannot be reached or answers with an error. */
  poll(signal: AbortSignal): Promise<void>;
  intervalMs: number;
  /** First retry delay; doubled per failure up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  /** A poll that takes longer is aborted and counts as a failure (a dead network can hang forever). */
  timeoutMs: number;
  onChange(state: ConnectionState): void;
  now?: () => number;
}

export interface LiveLoop {
  start(): void;
  stop(): void;
  /** Poll at once (the browser is back online, the server pushed a change); after the running poll if one is. */
  pollNow(): void;
  /**
   * Paused: no polls on the interval, only pollNow() and retries after a failure (the server pushes
   * changes while its stream is open). Unpaused, the interval comes back at once.
   */
  setPaused(paused: boolean): void;
}

export const INITIAL_CONNECTION: ConnectionState = {
  status: 'connecting',
  lastSuccessAt: null,
  failures: 0,
  lastError: null,
};

export function retryDelay(failures: number, backoffMs: number, maxBackoffMs: number): number {
  return Math.min(maxBackoffMs, backoffMs * 2 ** Math.max(0, failures - 1));
}

export function createLiveLoop(options: LiveLoopOptions): LiveLoop {
  const now = options.now ?? Date.now;
  let state = INITIAL_CONNECTION;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let inFlight: AbortController | null = null;
  let paused = false;
  // pollNow() during a poll: that poll may have read the data before the change, so one more follows.
  let again = false;

  const set = (next: ConnectionState) => {
    state = next;
    options.onChange(state);
  };

  const schedule = (delayMs: number) => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  };

  async function run() {
    timer = null;
    if (!running || inFlight) return;
    again = false;
    const controller = new AbortController();
    inFlight = controller;
    const timeout = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      await options.poll(controller.signal);
      if (!running) return;
      if (controller.signal.aborted) throw new Error('timeout');
      set({ status: 'live', lastSuccessAt: now(), failures: 0, lastError: null });
      if (again) schedule(0);
      else if (!paused) schedule(options.intervalMs);
    } catch (error) {
      if (!running) return;
      const failures = state.failures + 1;
      set({
        status: state.lastSuccessAt === null ? 'connecting' : 'stale',
        lastSuccessAt: state.lastSuccessAt,
        failures,
        lastError: controller.signal.aborted ? 'timeout' : (error as Error).message,
      });
      schedule(retryDelay(failures, options.backoffMs, options.maxBackoffMs));
    } finally {
      clearTimeout(timeout);
      if (inFlight === controller) inFlight = null;
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      schedule(0);
    },
    stop() {
      running = false;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      inFlight?.abort();
      inFlight = null;
    },
    pollNow() {
      if (!running) return;
      if (inFlight) again = true;
      else schedule(0);
    },
    setPaused(next) {
      if (paused === next) return;
      paused = next;
      if (!running || inFlight || state.failures > 0) return;
      if (paused && timer !== null) {
        clearTimeout(timer);
        timer = null;
      } else if (!paused) schedule(0);
    },
  };
}
