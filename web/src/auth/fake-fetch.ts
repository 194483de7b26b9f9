import { vi } from 'vitest';

export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeRequest {
  method: string;
  /** Path and query, as the early requests are keyed. */
  path: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body?: string;
}

/**
 * A stand-in for the server in jsdom (there is none): answers by path with real Response objects and
 * records every request (method, path with query, headers, body) for the test to read.
 */
export function fakeFetch(answer: (path: string, request: FakeRequest) => FakeAnswer) {
  const requests: FakeRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request =
      input instanceof Request ? input : new Request(new URL(String(input), location.href), init);
    const url = new URL(request.url);
    const recorded: FakeRequest = {
      method: request.method,
      path: `${url.pathname}${url.search}`,
      headers: Object.fromEntries(request.headers),
    };
    // Recorded as it is made, before its body is read: the order is the order of the calls.
    requests.push(recorded);
    recorded.body = (await request.text()) || undefined;
    const { status, body: answerBody, headers } = answer(recorded.path, recorded);
    return new Response(answerBody === undefined ? null : JSON.stringify(answerBody), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  });
  vi.stubGlobal('fetch', fetch);
  return { requests };
}
