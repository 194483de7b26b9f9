import { firstTimelineUrl } from './first-timeline';

/**
 * The first screen's API reads, started by the entry chunk while the app's bundle (React, MapLibre,
 * deck.gl: ~650 kB gzip) is still downloading and compiling, instead of one after another once it
 * runs (session, then meta, district shapes and the timeline). The app's fetchers take an answer
 * from here when one was started for exactly their URL; each is taken once, so a retry or a later
 * read goes to the network, and signing in or out forgets whatever was not taken.
 */
const started = new Map<string, Promise<Response>>();

/** `/public/` and `/public` are the same page. */
export function normalizePath(pathname: string): string {
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

export interface EarlyRequests {
  /** Started at once. */
  urls: string[];
  /** Started once the session answers as staff: a signed-out visitor gets the sign-in form, no map. */
  staffUrls: string[];
}

const SESSION_URL = '/api/v1/auth/me';

/**
 * What each page reads before anything else, as its fetchers spell the URLs (early-requests.test.ts
 * holds them to it): `/` the session, then the staff meta and district shapes and, for a link without
 * a view, the timeline (the heaviest read); `/public` and `/embed` the public meta, shapes and
 * timeline; the wall screen nothing (it reads after its own start-up).
 */
export function earlyRequestsFor(pathname: string, search = ''): EarlyRequests {
  const path = normalizePath(pathname);
  if (path === '/public' || path === '/embed') {
    const timeline = firstTimelineUrl(search, 'public');
    const urls = ['/api/v1/public/meta', '/api/v1/public/districts?medians=true'];
    return { urls: timeline ? [...urls, timeline] : urls, staffUrls: [] };
  }
  if (path === '/wall') return { urls: [], staffUrls: [] };
  const timeline = firstTimelineUrl(search, 'staff');
  return {
    urls: [SESSION_URL],
    staffUrls: ['/api/v1/meta', '/api/v1/districts', ...(timeline ? [timeline] : [])],
  };
}

function start(url: string): Promise<Response> {
  const response = fetch(url, { headers: { accept: 'application/json' } });
  // Not taken (the page changed its mind) must not surface as an unhandled rejection.
  response.catch(() => undefined);
  started.set(url, response);
  return response;
}

/** Starts the page's early reads; resolves when all of them (staff ones included) have been started. */
export async function startEarlyRequests(pathname: string, search: string): Promise<void> {
  const { urls, staffUrls } = earlyRequestsFor(pathname, search);
  for (const url of urls) start(url);
  const session = started.get(SESSION_URL);
  if (!session || staffUrls.length === 0) return;
  try {
    const response = await session;
    const me = response.ok ? ((await response.clone().json()) as { role?: string }) : null;
    if (me && me.role !== 'public') for (const url of staffUrls) start(url);
  } catch {
    // No session answer: the app asks again and shows the failure.
  }
}

/** Drops every answer not yet taken: they belong to the session the page was loaded with. */
export function forgetEarlyResponses(): void {
  started.clear();
}

/** The answer started early for this URL, once; undefined if none was (or it was taken). */
export function takeEarlyResponse(url: string): Promise<Response> | undefined {
  const response = started.get(url);
  started.delete(url);
  return response;
}
