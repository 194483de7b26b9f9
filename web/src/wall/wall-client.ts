import type { Middleware } from 'openapi-fetch';
import { ApiError, createApiClient } from '../api/http';
import type { paths } from '../api/schema';
import type { JsonOf, QueryOf } from '../api/types';

/** Whose data the wall shows: the staff API, or the public one after the staff API said 401. */
export type Access = 'staff' | 'public';

/** A route both APIs serve, named without its prefix: `/meta` is `/api/v1/meta` or `/api/v1/public/meta`. */
export type WallRoute = {
  [P in keyof paths]: P extends `/api/v1/public${infer Route}`
    ? `/api/v1${Route}` extends keyof paths
      ? Route
      : never
    : never;
}[keyof paths];
type StaffPath<R extends WallRoute> = `/api/v1${R}` & keyof paths;
/** Routes only the staff API serves, which the wall reads while signed in and goes without on the public API. */
export type StaffOnlyRoute = '/alerts' | '/hotspots/emerging';
type PathParams<R extends WallRoute> = paths[StaffPath<R>] extends {
  get: { parameters: { path: infer Params extends Record<string, string> } };
}
  ? Params
  : undefined;

/** The route's query, and its path parameters where it has any (`{ h3 }` for `/cells/{h3}/messages`). */
export type WallRequest<R extends WallRoute> = (PathParams<R> extends undefined
  ? { path?: undefined }
  : { path: PathParams<R> }) & { query?: QueryOf<StaffPath<R>> };

export interface Fetched<T> {
  /** Typed as the staff API's answer; the public one has the same shape with withheld numbers null. */
  body: T;
  /** False when the server answered 304 and the body is the one kept from before. */
  fresh: boolean;
}

export interface WallClient {
  readonly access: Access;
  get<R extends WallRoute>(
    route: R,
    request?: WallRequest<R>,
    signal?: AbortSignal,
  ): Promise<Fetched<JsonOf<StaffPath<R>>>>;
  /**
   * A staff-only route, conditional like `get`; null on the public API, where it is never asked (a 401
   * here switches the client to the public API as `get` does).
   */
  getStaff<R extends StaffOnlyRoute>(
    route: R,
    request?: { query?: QueryOf<`/api/v1${R}`> },
    signal?: AbortSignal,
  ): Promise<Fetched<JsonOf<`/api/v1${R}`>> | null>;
  /** Bodies kept for revalidation (bounded). */
  readonly size: number;
}

export interface WallClientOptions {
  /** Origin to prefix (tests outside a page); the page's own by default. */
  baseUrl?: string;
  /** At most this many bodies are kept; the least recently used goes first. */
  maxEntries?: number;
  onAccessChange?(access: Access): void;
}

/**
 * GETs with If-None-Match: the server answers 304 while its data_version is unchanged, so a poll that
 * finds nothing new costs a few hundred bytes and the kept body is reused (the same object, so React
 * redraws nothing). A 401 from the staff API (the wall has no session once staff routes require
 * sign-in) switches to the public API for good.
 */
export function createWallClient(options: WallClientOptions = {}): WallClient {
  const client = createApiClient({ baseUrl: options.baseUrl });
  const maxEntries = options.maxEntries ?? 32;
  const kept = new Map<string, { etag: string; body: unknown }>();
  let access: Access = 'staff';

  const keep = (url: string, etag: string | null, body: unknown) => {
    // Most recently used goes to the end of the map's order.
    kept.delete(url);
    if (!etag) return;
    kept.set(url, { etag, body });
    while (kept.size > maxEntries) {
      const oldest = kept.keys().next().value;
      if (oldest === undefined) break;
      kept.delete(oldest);
    }
  };

  type Params = { path?: Record<string, string>; query?: object };
  const request = async (path: string, params: Params | undefined, signal?: AbortSignal) => {
    let url = '';
    const revalidate: Middleware = {
      onRequest({ request }) {
        url = request.url;
        const entry = kept.get(url);
        if (entry) request.headers.set('if-none-match', entry.etag);
      },
    };
    let answer: { data?: unknown; response: Response };
    try {
      // One cast: the route was checked against `paths` by get's signature.
      answer = await client.GET(path as '/api/v1/meta', {
        params: params as never,
        signal,
        cache: 'no-store',
        middleware: [revalidate],
      });
    } catch (error) {
      if ((error as Error).name === 'AbortError') throw error;
      throw new ApiError(0, 'network');
    }
    const { data, response } = answer;
    const entry = kept.get(url);
    if (response.status === 304 && entry) {
      keep(url, entry.etag, entry.body);
      return { body: entry.body, fresh: false };
    }
    if (!response.ok) throw new ApiError(response.status, response.statusText);
    keep(url, response.headers.get('etag'), data);
    return { body: data, fresh: true };
  };

  const isUnauthorized = (error: unknown) => error instanceof ApiError && error.status === 401;
  const goPublic = () => {
    access = 'public';
    kept.clear();
    options.onAccessChange?.(access);
  };

  return {
    get access() {
      return access;
    },
    get size() {
      return kept.size;
    },
    async get(route, params, signal) {
      const get = async (path: string) => (await request(path, params, signal)) as Fetched<never>;
      if (access === 'public') return get(`/api/v1/public${route}`);
      try {
        return await get(`/api/v1${route}`);
      } catch (error) {
        if (!isUnauthorized(error)) throw error;
        goPublic();
        return get(`/api/v1/public${route}`);
      }
    },
    async getStaff(route, params, signal) {
      if (access === 'public') return null;
      try {
        return (await request(`/api/v1${route}`, params, signal)) as Fetched<never>;
      } catch (error) {
        if (!isUnauthorized(error)) throw error;
        goPublic();
        return null;
      }
    },
  };
}
