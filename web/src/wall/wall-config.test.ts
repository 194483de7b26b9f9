import { describe, expect, test } from 'vitest';
import { DEFAULT_WALL_CONFIG, readWallConfig } from './wall-config';

describe('readWallConfig', () => {
  test('an empty query gives the defaults', () => {
    expect(readWallConfig('')).toEqual(DEFAULT_WALL_CONFIG);
  });

  test('reads districts, durations, window, poll, speed and the anchor date', () => {
    const config = readWallConfig(
      '?district=V.%20ker%C3%BClet,XIII.%20ker%C3%BClet&step=8&playback=20&window=14&poll=5&speed=50&hotspots=3&at=2025-09-30&lang=en',
    );
    expect(config).toEqual({
      districts: ['V. kerület', 'XIII. kerület'],
      stepSeconds: 8,
      playbackSeconds: 20,
      windowDays: 14,
      pollSeconds: 5,
      speed: 50,
      hotspots: 3,
      topDistricts: 5,
      at: '2025-09-30',
      lang: 'en',
      news: true,
    });
  });

  test('alerts=0 turns the step of new hotspots and spikes off; anything else leaves it on', () => {
    expect(readWallConfig('?alerts=0').news).toBe(false);
    expect(readWallConfig('?alerts=1').news).toBe(true);
    expect(readWallConfig('?alerts=no').news).toBe(true);
  });

  test('junk and out-of-range values fall back to the defaults', () => {
    const config = readWallConfig('?step=-3&window=1000&poll=abc&speed=0&at=2025-13-45&lang=de&hotspots=2.6');
    expect(config.stepSeconds).toBe(15);
    expect(config.windowDays).toBe(7);
    expect(config.pollSeconds).toBe(30);
    expect(config.speed).toBe(1);
    expect(config.at).toBeUndefined();
    expect(config.lang).toBeUndefined();
    expect(config.hotspots).toBe(3);
  });
});
