import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { type ConnectionState, createLiveLoop, retryDelay } from './live-loop';

/** A server that is up or down, counting the polls it sees. */
function createServer() {
  const server = {
    up: true,
    hang: false,
    polls: 0,
    poll(signal: AbortSignal): Promise<void> {
      server.polls += 1;
      if (server.hang) {
        return new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => reject(new Error('aborted')));
        });
      }
      return server.up ? Promise.resolve() : Promise.reject(new Error('network'));
    },
  };
  return server;
}

function startLoop(server: ReturnType<typeof createServer>) {
  const states: ConnectionState[] = [];
  const loop = createLiveLoop({
    poll: server.poll,
    intervalMs: 20_000,
    backoffMs: 1000,
    maxBackoffMs: 30_000,
    timeoutMs: 10_000,
    onChange: (state) => states.push(state),
  });
  loop.start();
  const last = () => states[states.length - 1];
  return { loop, states, last };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(Date.parse('2025-09-30T10:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('retryDelay', () => {
  test('doubles per failure up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(n, 1000, 30_000))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });
});

describe('createLiveLoop', () => {
  test('polls at once, then on the interval while the server answers', async () => {
    const server = createServer();
    const { loop, last } = startLoop(server);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.polls).toBe(1);
    expect(last()).toMatchObject({
      status: 'live',
      failures: 0,
      lastSuccessAt: Date.parse('2025-09-30T10:00:00Z'),
    });
    await vi.advanceTimersByTimeAsync(19_999);
    expect(server.polls).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.polls).toBe(2);
    loop.stop();
  });

  test('goes stale since the last success, backs off, and recovers when the server is back', async () => {
    const server = createServer();
    const { loop, last } = startLoop(server);
    await vi.advanceTimersByTimeAsync(0);
    const since = last()?.lastSuccessAt;
    server.up = false;
    await vi.advanceTimersByTimeAsync(20_000);
    expect(last()).toMatchObject({
      status: 'stale',
      failures: 1,
      lastSuccessAt: since,
      lastError: 'network',
    });
    // Retries after 1 s, then 2 s, then 4 s.
    await vi.advanceTimersByTimeAsync(1000);
    expect(server.polls).toBe(3);
    await vi.advanceTimersByTimeAsync(1999);
    expect(server.polls).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.polls).toBe(4);
    expect(last()?.failures).toBe(3);
    server.up = true;
    await vi.advanceTimersByTimeAsync(4000);
    expect(last()).toMatchObject({ status: 'live', failures: 0 });
    expect(last()?.lastSuccessAt).toBe(Date.now());
    loop.stop();
  });

  test('before any success a failure is still connecting, not stale', async () => {
    const server = createServer();
    server.up = false;
    const { loop, last } = startLoop(server);
    await vi.advanceTimersByTimeAsync(0);
    expect(last()).toMatchObject({ status: 'connecting', failures: 1, lastSuccessAt: null });
    loop.stop();
  });

  test('a poll that hangs is aborted after the timeout and counts as a failure', async () => {
    const server = createServer();
    const { loop, last } = startLoop(server);
    await vi.advanceTimersByTimeAsync(0);
    server.hang = true;
    await vi.advanceTimersByTimeAsync(20_000 + 10_000);
    expect(last()).toMatchObject({ status: 'stale', failures: 1, lastError: 'timeout' });
    loop.stop();
  });

  test('stop leaves no timer behind and no further polls happen', async () => {
    const server = createServer();
    const { loop, states } = startLoop(server);
    await vi.advanceTimersByTimeAsync(0);
    loop.stop();
    expect(vi.getTimerCount()).toBe(0);
    const seen = states.length;
    await vi.advanceTimersByTimeAsync(120_000);
    expect(server.polls).toBe(1);
    expect(states.length).toBe(seen);
  });

  test('pollNow polls at once instead of waiting for the interval', async () => {
    const server = createServer();
    const { loop } = startLoop(server);
    await vi.advanceTimersByTimeAsync(0);
    loop.pollNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.polls).toBe(2);
    loop.stop();
  });

  test('paused (the server pushes), it polls only when told to, and the interval returns when unpaused', async () => {
    const server = createServer();
    const { loop } = startLoop(server);
    await vi.advanceTimersByTimeAsync(0);
    loop.setPaused(true);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(server.polls).toBe(1);
    loop.pollNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.polls).toBe(2);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(server.polls).toBe(2);
    loop.setPaused(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(server.polls).toBe(3);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(server.polls).toBe(4);
    loop.stop();
  });

  test('pollNow during a poll polls once more after it: that poll may predate the change', async () => {
    const server = createServer();
    let finish: () => void = () => {};
    const { loop } = startLoop({
      ...server,
      poll: () => {
        server.polls += 1;
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
    });
    await vi.advanceTimersByTimeAsync(0);
    loop.setPaused(true);
    loop.pollNow();
    loop.pollNow();
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(server.polls).toBe(2);
    finish();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(server.polls).toBe(2);
    loop.stop();
  });
});
