import { takeEarlyResponse } from '../boot/early-requests';
import { type QueryValue, queryString } from './query-string';
import type { paths } from './schema';

/** Shapes come only from the generated OpenAPI types; this file restates none of them. */
type JsonOf<P extends keyof paths> = paths[P] extends {
  get: { responses: { 200: { content: { 'application/json': infer Body } } } };
}
  ? Body
  : never;
type QueryOf<P extends keyof paths> = paths[P] extends { get: { parameters: { query?: infer Query } } }
  ? NonNullable<Query>
  : never;

export type StaffMeta = JsonOf<'/api/v1/meta'>;
export type PublicMeta = JsonOf<'/api/v1/public/meta'>;
/** What the map reads from either audience's API: the public shapes mark withheld numbers as null. */
export type Meta = StaffMeta | PublicMeta;
export type Hexagons = JsonOf<'/api/v1/hexagons'> | JsonOf<'/api/v1/public/hexagons'>;
export type HexagonCell = Hexagons['cells'][number];
export type Timeline = JsonOf<'/api/v1/timeline'> | JsonOf<'/api/v1/public/timeline'>;
export type StaffMessagePage = JsonOf<'/api/v1/cells/{h3}/messages'>;
export type PublicMessagePage = JsonOf<'/api/v1/public/cells/{h3}/messages'>;
export type MessagePage = StaffMessagePage | PublicMessagePage;
export type StaffMessage = StaffMessagePage['messages'][number];
export type PublicMessage = PublicMessagePage['messages'][number];
/** A staff message (everything the staff API returns); `AnyMessage` also covers the public drill-down's. */
export type Message = StaffMessage;
export type AnyMessage = StaffMessage | PublicMessage;
export type Districts = JsonOf<'/api/v1/districts'> | JsonOf<'/api/v1/public/districts'>;
export type Summary = JsonOf<'/api/v1/summary'> | JsonOf<'/api/v1/public/summary'>;
export type Filters = QueryOf<'/api/v1/districts'>;
export type Bucket = NonNullable<QueryOf<'/api/v1/timeline'>['bucket']>;
export type HexagonsQuery = QueryOf<'/api/v1/hexagons'>;
export type TimelineQuery = QueryOf<'/api/v1/timeline'>;
export type CellMessagesQuery = QueryOf<'/api/v1/cells/{h3}/messages'>;
export type SummaryQuery = QueryOf<'/api/v1/summary'>;
export type ExportQuery = QueryOf<'/api/v1/export/messages.csv'>;
export type PublicQueryOf<P extends keyof paths> = QueryOf<P>;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type UnauthorizedListener = (path: string) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Called with the path whenever the API answers 401: a staff session has ended (or the public map is
 * off). The shell decides what that means; the fetchers just report it. Returns the unsubscribe.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export async function getJson<T>(
  path: string,
  query: Record<string, QueryValue>,
  signal?: AbortSignal,
): Promise<T> {
  const url = `${path}${queryString(query)}`;
  let response: Response;
  try {
    response = await (takeEarlyResponse(url) ??
      fetch(url, { signal, headers: { accept: 'application/json' } }));
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network');
  }
  if (!response.ok) {
    if (response.status === 401) for (const listener of unauthorizedListeners) listener(path);
    let message = response.statusText;
    try {
      message = ((await response.json()) as { message?: string }).message ?? message;
    } catch {
      // A proxy's HTML error page: keep the status text.
    }
    throw new ApiError(response.status, message);
  }
  return (await response.json()) as T;
}

const BASE = '/api/v1';

export function fetchMeta(signal?: AbortSignal): Promise<Meta> {
  return getJson<Meta>(`${BASE}/meta`, {}, signal);
}

export function fetchHexagons(query: QueryOf<'/api/v1/hexagons'>, signal?: AbortSignal): Promise<Hexagons> {
  return getJson<Hexagons>(`${BASE}/hexagons`, query, signal);
}

export function fetchTimeline(query: QueryOf<'/api/v1/timeline'>, signal?: AbortSignal): Promise<Timeline> {
  return getJson<Timeline>(`${BASE}/timeline`, query, signal);
}

export function fetchCellMessages(
  cell: string,
  query: QueryOf<'/api/v1/cells/{h3}/messages'>,
  signal?: AbortSignal,
): Promise<MessagePage> {
  return getJson<MessagePage>(`${BASE}/cells/${encodeURIComponent(cell)}/messages`, query, signal);
}

export function fetchDistricts(query: Filters, signal?: AbortSignal): Promise<Districts> {
  return getJson<Districts>(`${BASE}/districts`, query, signal);
}

export function fetchSummary(query: QueryOf<'/api/v1/summary'>, signal?: AbortSignal): Promise<Summary> {
  return getJson<Summary>(`${BASE}/summary`, query, signal);
}

/** Where the browser downloads the messages matching the query as CSV (staff only; held to the caller's districts). */
export function exportMessagesCsvUrl(query: ExportQuery): string {
  return `${BASE}/export/messages.csv${queryString(query)}`;
}
