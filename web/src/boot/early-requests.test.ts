import { resolutionForZoom } from '@heatmap/geo';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { staffMapApi } from '../api/map-api';
import { fakeFetch } from '../auth/fake-fetch';
import { fetchMe } from '../auth/session-client';
import { queryFilters } from '../filters/query-filters';
import { publicMapApi } from '../public/public-map-api';
import { parseUrlState } from '../url-state/url-state';
import {
  earlyRequestsFor,
  forgetEarlyResponses,
  startEarlyRequests,
  takeEarlyResponse,
} from './early-requests';

afterEach(() => {
  forgetEarlyResponses();
  vi.unstubAllGlobals();
});

const META = { timezone: 'Europe/Budapest' };
const ADMIN = { role: 'admin', login: 'a', districts: [] };
const ANONYMOUS = { role: 'public', publicMap: true };

describe('earlyRequestsFor', () => {
  test('staff: exactly the URLs the session and the staff map read first', async () => {
    const search = '?cat=Kátyú,Graffiti&status=new&win=week&z=13';
    const url = parseUrlState(search);
    const { requests } = fakeFetch(() => ({ status: 200, body: { bucketEdges: [], cells: [], totals: [] } }));
    await fetchMe();
    await staffMapApi.meta();
    await staffMapApi.districts({});
    // As the screen asks it before the map has reported its view (HeatMapScreen, use-screen-data).
    await staffMapApi.timeline({
      ...queryFilters(url),
      res: resolutionForZoom(url.z ?? 11),
      bucket: url.win,
      bbox: undefined,
    });
    const [session, ...map] = requests.map((request) => request.path);
    expect(earlyRequestsFor('/', search)).toEqual({ urls: [session], staffUrls: map });
    expect(map.at(-1)).toBe(
      '/api/v1/timeline?category=K%C3%A1ty%C3%BA,Graffiti&status=new&res=10&bucket=week',
    );
    expect(earlyRequestsFor('/somewhere', search)).toEqual(earlyRequestsFor('/', search));
  });

  test('staff link with a view: its first timeline waits for the map, so none early', () => {
    expect(earlyRequestsFor('/', '?lat=47.5&lon=19.05&z=12').staffUrls).toEqual([
      '/api/v1/meta',
      '/api/v1/districts',
    ]);
  });

  test('public and embed: exactly the URLs the public map reads first', async () => {
    // Days are not served publicly (months only) and z=14 is past the public resolution cap: both narrowed.
    const search = '?src=jarokelo&win=day&z=14';
    const url = parseUrlState(search);
    const { requests } = fakeFetch(() => ({ status: 200, body: {} }));
    await publicMapApi.meta();
    await publicMapApi.districts({});
    await publicMapApi.timeline({
      ...queryFilters(url),
      res: Math.min(resolutionForZoom(url.z ?? 11), publicMapApi.maxResolution ?? 15),
      bucket: 'day',
      bbox: undefined,
    });
    const expected = { urls: requests.map((request) => request.path), staffUrls: [] };
    expect(expected.urls.at(-1)).toBe('/api/v1/public/timeline?source=jarokelo&res=8&bucket=month');
    expect(earlyRequestsFor('/public', search)).toEqual(expected);
    expect(earlyRequestsFor('/public/', search)).toEqual(expected);
    expect(earlyRequestsFor('/embed', search)).toEqual(expected);
    expect(earlyRequestsFor('/public', '?lat=47.5&lon=19.05').urls).toEqual(expected.urls.slice(0, 2));
  });

  test('the wall starts nothing early', () => {
    expect(earlyRequestsFor('/wall')).toEqual({ urls: [], staffUrls: [] });
  });
});

describe('startEarlyRequests', () => {
  test('signed in: the session, then meta and districts, each answer used once', async () => {
    const { requests } = fakeFetch((path) => ({ status: 200, body: path.endsWith('/me') ? ADMIN : META }));
    await startEarlyRequests('/', '?lat=47.5&lon=19.05');
    expect(requests.map((request) => request.path)).toEqual([
      '/api/v1/auth/me',
      '/api/v1/meta',
      '/api/v1/districts',
    ]);
    expect(await fetchMe()).toEqual(ADMIN);
    expect(await staffMapApi.meta()).toEqual(META);
    expect(requests).toHaveLength(3);
    expect(await staffMapApi.meta()).toEqual(META);
    expect(requests).toHaveLength(4);
  });

  test('signed out: only the session (the map would answer 401 and is not shown)', async () => {
    const { requests } = fakeFetch(() => ({ status: 200, body: ANONYMOUS }));
    await startEarlyRequests('/', '');
    expect(requests.map((request) => request.path)).toEqual(['/api/v1/auth/me']);
    expect(takeEarlyResponse('/api/v1/meta')).toBeUndefined();
  });

  test('forgotten answers are not taken (signing in or out)', async () => {
    fakeFetch((path) => ({ status: 200, body: path.endsWith('/me') ? ADMIN : META }));
    await startEarlyRequests('/', '');
    forgetEarlyResponses();
    expect(takeEarlyResponse('/api/v1/meta')).toBeUndefined();
  });

  test('an early request that failed reads as the API being down', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    await startEarlyRequests('/public', '?lat=47.5&lon=19.05');
    await expect(publicMapApi.meta()).rejects.toMatchObject({ name: 'ApiError', status: 0 });
  });
});
