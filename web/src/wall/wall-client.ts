import { ApiError } from '../api/client';

/** Whose data the wall shows: the staff API, or the public one after the staff API said 401. */
export type Access = 'staff' | 'public';

export interface Fetched<T> {
  body: T;
  /** False when the server answered 304 and the body is the one kept from before. */
  fresh: boolean;
}

export interface WallClient {
  readonly access: Access;
  get<T>(
    path: string,
    query: Record<string, string | number | boolean | undefined>,
    signal?: AbortSignal,
  ): Promise<Fetched<T>>;
  /** Bodies kept for revalidation (bounded). */
  readonly size: number;
}

export interface WallClientOptions {
  /** Origin to prefix (tests outside a page); '' in the app. */
  baseUrl?: string;
  /** At most this many bodies are kept; the least recently used goes first. */
  maxEntries?: number;
  onAccessChange?(access: Access): void;
}

const STAFF_BASE = '/api/v1';
const PUBLIC_BASE = '/api/v1/public';

function queryString(query: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString().replaceAll('%2C', ',');
  return text ? `?${text}` : '';
}

/**
 * GETs with If-None-Match: the server answers 304 while its data_version is unchanged, so a poll that
 * finds nothing new costs a few hundred bytes and the kept body is reused. A 401 from the staff API
 * (the wall has no session once staff routes require sign-in) switches to the public API for good.
 */
export function createWallClient(options: WallClientOptions = {}): WallClient {
  const baseUrl = options.baseUrl ?? '';
  const maxEntries = options.maxEntries ?? 32;
  const kept = new Map<string, { etag: string; body: unknown }>();
  let access: Access = 'staff';

  const request = async <T>(url: string, signal?: AbortSignal): Promise<Fetched<T>> => {
    const entry = kept.get(url);
    let response: Response;
    try {
      response = await fetch(`${baseUrl}${url}`, {
        signal,
        cache: 'no-store',
        headers: { accept: 'application/json', ...(entry ? { 'if-none-match': entry.etag } : {}) },
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, 'network');
    }
    if (response.status === 304 && entry) {
      // Most recently used goes to the end of the map's order.
      kept.delete(url);
      kept.set(url, entry);
      return { body: entry.body as T, fresh: false };
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new ApiError(response.status, response.statusText);
    }
    const body = (await response.json()) as T;
    const etag = response.headers.get('etag');
    kept.delete(url);
    if (etag) {
      kept.set(url, { etag, body });
      while (kept.size > maxEntries) {
        const oldest = kept.keys().next().value;
        if (oldest === undefined) break;
        kept.delete(oldest);
      }
    }
    return { body, fresh: true };
  };

  return {
    get access() {
      return access;
    },
    get size() {
      return kept.size;
    },
    async get<T>(
      path: string,
      query: Record<string, string | number | boolean | undefined>,
      signal?: AbortSignal,
    ): Promise<Fetched<T>> {
      const suffix = `${path}${queryString(query)}`;
      if (access === 'public') return request<T>(`${PUBLIC_BASE}${suffix}`, signal);
      try {
        return await request<T>(`${STAFF_BASE}${suffix}`, signal);
      } catch (error) {
        if (!(error instanceof ApiError && error.status === 401)) throw error;
        access = 'public';
        kept.clear();
        options.onAccessChange?.(access);
        return request<T>(`${PUBLIC_BASE}${suffix}`, signal);
      }
    },
  };
}
