import { vi } from 'vitest';

export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A stand-in for the server in jsdom (there is none): answers by path with real Response objects and
 * records every request (method, path with query, headers) for the test to read.
 */
export function fakeFetch(answer: (path: string, init: RequestInit | undefined) => FakeAnswer) {
  const requests: { method: string; path: string; headers: Record<string, string>; body?: string }[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input);
    requests.push({
      method: init?.method ?? 'GET',
      path,
      headers: (init?.headers ?? {}) as Record<string, string>,
      body: typeof init?.body === 'string' ? init.body : undefined,
    });
    const { status, body, headers } = answer(path, init);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return { requests };
}
