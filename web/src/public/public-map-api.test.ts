import { afterEach, describe, expect, test, vi } from 'vitest';
import { staffMapApi } from '../api/map-api';
import { fakeFetch } from '../auth/fake-fetch';
import { parseUrlState } from '../url-state/url-state';
import { publicMapApi } from './public-map-api';

afterEach(() => vi.unstubAllGlobals());

const EMPTY_PAGE = { messages: [], nextCursor: null };

describe('the API switch', () => {
  test('the staff API asks the staff routes as the screen asks', async () => {
    const { requests } = fakeFetch(() => ({ status: 200, body: EMPTY_PAGE }));
    await staffMapApi.hexagons({ res: 10, from: '2025-03-01' });
    await staffMapApi.cellMessages('891e037a62bffff', { q: 'kátyú', limit: 50 });
    expect(requests.map((request) => request.path)).toEqual([
      '/api/v1/hexagons?res=10&from=2025-03-01',
      '/api/v1/cells/891e037a62bffff/messages?q=k%C3%A1ty%C3%BA&limit=50',
    ]);
  });

  test('the public API narrows the same asks to what the public routes take', async () => {
    const { requests } = fakeFetch(() => ({ status: 200, body: EMPTY_PAGE }));
    await publicMapApi.hexagons({ res: 10, from: '2025-03-01', district: 'XI. kerület' });
    await publicMapApi.timeline({ res: 7, bucket: 'day', bbox: '19,47,19.1,47.6' });
    await publicMapApi.timeline({ res: 9, bucket: 'month' });
    await publicMapApi.summary({ res: 9 });
    await publicMapApi.cellMessages('881e037ae1fffff', { q: 'kátyú', limit: 50, cursor: 'abc' });
    expect(requests.map((request) => request.path)).toEqual([
      '/api/v1/public/hexagons?from=2025-03-01&district=XI.+k%C3%A9r%C3%BClet&res=8&medians=true'.replace(
        'k%C3%A9r',
        'ker',
      ),
      '/api/v1/public/timeline?bbox=19,47,19.1,47.6&res=7&bucket=month',
      '/api/v1/public/timeline?res=8&bucket=month',
      '/api/v1/public/summary?res=8',
      '/api/v1/public/cells/881e037ae1fffff/messages?limit=50&cursor=abc',
    ]);
    expect(publicMapApi).toMatchObject({ maxResolution: 8, textSearch: false });
  });

  test('hotspots: staff ask with place names, the public route gets the capped resolution and no places; no public emerging', async () => {
    const { requests } = fakeFetch(() => ({ status: 200, body: { res: 8, cells: [] } }));
    await staffMapApi.hotspots({ res: 10, from: '2025-03-01', places: 10 });
    await staffMapApi.emerging?.({ res: 9, step: 'week', steps: 12, to: '2025-04-01' });
    await publicMapApi.hotspots({ res: 10, from: '2025-03-01', places: 10 });
    expect(requests.map((request) => request.path)).toEqual([
      '/api/v1/hotspots?res=10&from=2025-03-01&places=10',
      '/api/v1/hotspots/emerging?res=9&step=week&steps=12&to=2025-04-01',
      '/api/v1/public/hotspots?from=2025-03-01&res=8',
    ]);
    expect(publicMapApi.emerging).toBeUndefined();
  });

  test('each API says what the screen may offer: window lengths and the CSV export', () => {
    expect(staffMapApi.windowLengths).toEqual(['day', 'week', 'month']);
    expect(staffMapApi.exportUrl?.({ district: 'XI. kerület', from: '2025-03-01' })).toBe(
      '/api/v1/export/messages.csv?district=XI.+ker%C3%BClet&from=2025-03-01',
    );
    // The public API counts whole months with one value per filter, and the public map has no export.
    expect(publicMapApi.windowLengths).toEqual(['month']);
    expect(publicMapApi.exportUrl).toBeUndefined();
    expect(publicMapApi.oneValuePerFilter).toBe(true);
    expect(staffMapApi.oneValuePerFilter).toBe(false);
    expect(publicMapApi.groupMinimum).toBe(5);
    expect(staffMapApi.groupMinimum).toBeUndefined();
  });

  test('a link is narrowed to what the API serves: months and the first value of each filter in public', () => {
    const url = parseUrlState('?win=day&cat=Roads,Lights&status=new,answered');
    expect(staffMapApi.servedUrl(url)).toBe(url);
    expect(publicMapApi.servedUrl(url)).toMatchObject({ win: 'month', cat: ['Roads'], status: ['new'] });
  });
});
