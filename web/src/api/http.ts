import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { type QueryValue, queryString } from './query-string';
import type { paths } from './schema';

/** The one typed client: each call names a route of the generated `paths`, which types its query and body. */
export type ApiClient = Client<paths>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface ApiClientOptions {
  /** Origin to prefix; by default the page's own (tests outside a page pass a server's). */
  baseUrl?: string;
  /** Where requests go instead of `fetch` (the app's early answers). */
  fetch?: (request: Request) => Promise<Response>;
  middleware?: Middleware[];
}

export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const client = createClient<paths>({
    // Absolute, so a Request can be built outside a page too; the early answers are keyed by path.
    baseUrl: options.baseUrl ?? globalThis.location?.origin ?? '',
    // The same spelling as the URLs started early and the CSV link: commas kept, empty values left out.
    querySerializer: (query) => queryString(query as Record<string, QueryValue>),
    headers: { accept: 'application/json' },
    // Looked up at call time, so a test's stand-in for fetch is seen.
    fetch: options.fetch ?? ((request) => fetch(request)),
  });
  client.use(...(options.middleware ?? []));
  return client;
}

/** `/api/v1/meta?x=1`: the path and query of a request, as the early answers are keyed. */
export function pathOf(request: Request): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

/** What every openapi-fetch call resolves to, whatever its route. */
interface Answer<Data> {
  data?: Data;
  error?: unknown;
  response: Response;
}

/**
 * The body of a successful answer; otherwise an ApiError with the status and the API's message (or
 * the status text for a proxy's HTML page); a network failure is status 0, an abort stays an abort.
 */
export async function bodyOf<Data>(call: Promise<Answer<Data>>): Promise<Data> {
  let answer: Answer<Data>;
  try {
    answer = await call;
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network');
  }
  const { data, error, response } = answer;
  if (!response.ok) {
    const message = (error as { message?: unknown } | undefined)?.message;
    throw new ApiError(response.status, typeof message === 'string' ? message : response.statusText);
  }
  return data as Data;
}
