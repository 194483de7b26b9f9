import { describe, expect, test } from 'vitest';
import { readDistrictsFile } from '../ingest/districts-file';
import type { MessageInput } from '../ingest/message-input';
import { generateMessages } from './synthetic-messages';

const districtsPath = new URL('../../data/budapest_districts.geojson', import.meta.url).pathname;

async function generate(count: number, seed: number): Promise<MessageInput[]> {
  const districts = await readDistrictsFile(districtsPath, 'NAME');
  return [
    ...generateMessages({
      count,
      seed,
      districts,
      from: new Date('2024-01-01T00:00:00Z'),
      to: new Date('2025-01-01T00:00:00Z'),
      timezone: 'Europe/Moscow',
    }),
  ];
}

describe('generateMessages', () => {
  test('the same seed gives the same messages; another seed does not', async () => {
    const a = await generate(2000, 1);
    expect(await generate(2000, 1)).toEqual(a);
    expect((await generate(2000, 2)).map((m) => m.lat)).not.toEqual(a.map((m) => m.lat));
  });

  test('messages stay in the range, near Budapest, with answers after creation', async () => {
    const all = await generate(20_000, 3);
    for (const m of all) {
      expect(
        m.createdAt >= new Date('2024-01-01T00:00:00Z') && m.createdAt < new Date('2025-01-01T00:00:00Z'),
      ).toBe(true);
      expect(m.lat > 47.3 && m.lat < 47.7 && m.lon > 18.8 && m.lon < 19.4).toBe(true);
      if (m.answeredAt) expect(m.answeredAt >= m.createdAt).toBe(true);
      if (m.resolvedAt) expect(m.resolvedAt >= (m.answeredAt ?? m.createdAt)).toBe(true);
    }
    expect(new Set(all.map((m) => m.source))).toEqual(new Set(['vk', 'ok', 'telegram', 'gosuslugi']));
  });

  test('heating is a winter topic, and nights are quiet', async () => {
    const all = await generate(50_000, 4);
    const heating = all.filter((m) => m.category === 'Отопление');
    const month = (m: MessageInput) => m.createdAt.getUTCMonth();
    const winter = heating.filter((m) => [0, 1, 11].includes(month(m))).length;
    const summer = heating.filter((m) => [5, 6, 7].includes(month(m))).length;
    expect(winter).toBeGreaterThan(20 * summer);
    const hour = (m: MessageInput) => (m.createdAt.getUTCHours() + 3) % 24; // Moscow
    const night = all.filter((m) => hour(m) >= 2 && hour(m) < 5).length;
    const evening = all.filter((m) => hour(m) >= 18 && hour(m) < 21).length;
    expect(evening).toBeGreaterThan(10 * night);
  });

  test('hotspots: a few res-8-sized spots hold a large share of the messages', async () => {
    const all = await generate(50_000, 5);
    const spots = new Map<string, number>();
    for (const m of all) {
      const key = `${m.lat.toFixed(2)},${m.lon.toFixed(2)}`;
      spots.set(key, (spots.get(key) ?? 0) + 1);
    }
    const sorted = [...spots.values()].sort((a, b) => b - a);
    const top = sorted.slice(0, Math.ceil(sorted.length / 20)).reduce((s, n) => s + n, 0);
    expect(top / all.length).toBeGreaterThan(0.3);
  });

  test('first answers are log-normal with a median of a few hours', async () => {
    const hours = (await generate(20_000, 6))
      .filter((m) => m.answeredAt)
      .map((m) => ((m.answeredAt?.getTime() ?? 0) - m.createdAt.getTime()) / 3_600_000)
      .sort((a, b) => a - b);
    const median = hours[Math.floor(hours.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(1.5);
    expect(median).toBeLessThan(8);
  });
});
