import { describe, expect, test } from 'vitest';
import type { Access, Fetched, StaffOnlyRoute, WallClient, WallRoute } from './wall-client';
import { DEFAULT_WALL_CONFIG, type WallConfig } from './wall-config';
import { pollWallData } from './wall-data';

const NOW = Date.parse('2025-09-30T10:00:00Z');
const SPIKE = {
  h3: '881e031b3bfffff',
  categoryId: 1,
  category: 'roads',
  observed: 12,
  expected: 1,
  p: 1e-9,
  series: Array.from({ length: 14 }, () => 1),
  district: 'V. kerület',
  place: 'V. kerület, Váci utca',
};
const NEW_CELL = { h3: '881e031b39fffff', class: 'new-hot', trend: { z: 1, p: 0.3 }, bins: [0, 2] };

/** A stand-in for the conditional client: minimal bodies per route, every request recorded with its query. */
function createClient(access: Access) {
  const asked: string[] = [];
  const record = (route: string, query: object | undefined) =>
    asked.push(`${route}${query ? ` ${JSON.stringify(query)}` : ''}`);
  const bodies: Record<string, unknown> = {
    '/meta': { dataVersion: '7', timezone: 'Europe/Budapest', districts: [], extent: { bbox: null } },
    '/summary': { res: 8, topCells: [] },
    '/districts': { features: [] },
    '/hexagons': { cells: [] },
    '/timeline': { cells: [] },
    '/alerts': [SPIKE],
    '/hotspots/emerging': { cells: [NEW_CELL] },
  };
  const answer = (route: string) => ({ body: bodies[route], fresh: true }) as Fetched<never>;
  const client: WallClient = {
    access,
    size: 0,
    async get(route: WallRoute, request?: { query?: object }) {
      record(route, route === '/meta' ? undefined : request?.query);
      return answer(route);
    },
    async getStaff(route: StaffOnlyRoute, request?: { query?: object }) {
      if (access === 'public') return null;
      record(route, request?.query);
      return answer(route);
    },
  };
  return { client, asked };
}

const poll = (client: WallClient, config: WallConfig = DEFAULT_WALL_CONFIG) =>
  pollWallData(client, config, null, NOW, new AbortController().signal);

describe('pollWallData: new hotspots and spikes', () => {
  test("staff: today's spikes and the weekly emerging classes up to today, once per data version and day", async () => {
    const { client, asked } = createClient('staff');
    const data = await poll(client);
    expect(asked.filter((line) => line.startsWith('/alerts') || line.startsWith('/hotspots'))).toEqual([
      '/alerts {"day":"2025-09-30","res":8}',
      '/hotspots/emerging {"res":8,"step":"week","steps":12,"to":"2025-10-01"}',
    ]);
    expect(data.news?.items.map((item) => `${item.kind}:${item.h3}`)).toEqual([
      'new:881e031b39fffff',
      'spike:881e031b3bfffff',
    ]);
    expect(data.news?.weeks).toBe(12);
    asked.length = 0;
    const again = await pollWallData(client, DEFAULT_WALL_CONFIG, data, NOW, new AbortController().signal);
    expect(again).toBe(data);
    expect(asked).toEqual(['/meta']);
  });

  test('the wall district filter goes with both', async () => {
    const { client, asked } = createClient('staff');
    await poll(client, { ...DEFAULT_WALL_CONFIG, districts: ['V. kerület', 'XIII. kerület'] });
    expect(asked.filter((line) => line.startsWith('/alerts') || line.startsWith('/hotspots'))).toEqual([
      '/alerts {"day":"2025-09-30","res":8,"district":"V. kerület,XIII. kerület"}',
      '/hotspots/emerging {"res":8,"step":"week","steps":12,"to":"2025-10-01","district":"V. kerület,XIII. kerület"}',
    ]);
  });

  test('the public API has neither: no news', async () => {
    const { client, asked } = createClient('public');
    const data = await poll(client);
    expect(data.news).toBeNull();
    expect(asked.some((line) => line.startsWith('/alerts') || line.startsWith('/hotspots'))).toBe(false);
  });

  test('alerts=0: not asked', async () => {
    const { client, asked } = createClient('staff');
    const data = await poll(client, { ...DEFAULT_WALL_CONFIG, news: false });
    expect(data.news).toBeNull();
    expect(asked.some((line) => line.startsWith('/alerts') || line.startsWith('/hotspots'))).toBe(false);
  });
});
