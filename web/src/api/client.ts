import type { Middleware } from 'openapi-fetch';
import { csrfToken } from '../auth/csrf';
import { takeEarlyResponse } from '../boot/early-requests';
import { type ApiClient, createApiClient, pathOf } from './http';
import { queryString } from './query-string';
import type { ExportQuery } from './types';

type UnauthorizedListener = (path: string) => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Called with the path whenever the API answers 401: a staff session has ended (or the public map is
 * off). The shell decides what that means; the client just reports it. Returns the unsubscribe.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

const reportUnauthorized: Middleware = {
  onResponse({ request, response }) {
    if (response.status !== 401) return;
    const { pathname } = new URL(request.url);
    for (const listener of unauthorizedListeners) listener(pathname);
  },
};

/** A state-changing request carries the token the server derived from the session (double submit). */
const csrfHeader: Middleware = {
  onRequest({ request }) {
    const token = csrfToken();
    if (request.method !== 'GET' && token) request.headers.set('x-csrf-token', token);
  },
};

/**
 * The app's client (staff and public map, session): a read started early by the entry chunk for
 * exactly this URL is taken from there instead of asked again.
 */
export const api: ApiClient = createApiClient({
  fetch: (request) => takeEarlyResponse(pathOf(request)) ?? fetch(request),
  middleware: [csrfHeader, reportUnauthorized],
});

/** Where the browser downloads the messages matching the query as CSV (staff only; held to the caller's districts). */
export function exportMessagesCsvUrl(query: ExportQuery): string {
  return `/api/v1/export/messages.csv${queryString(query)}`;
}
