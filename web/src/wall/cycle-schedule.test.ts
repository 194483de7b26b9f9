import { describe, expect, test } from 'vitest';
import { buildCycle, nextIndex } from './cycle-schedule';

const hotspots = [
  { h3: '881e031b3bfffff', count: 49 },
  { h3: '881e031b39fffff', count: 30 },
];
const districts = [
  { id: 5, name: 'V. kerület' },
  { id: 13, name: 'XIII. kerület' },
];

describe('buildCycle', () => {
  test('hotspots busiest first, playback, districts, playback; durations from the settings', () => {
    const cycle = buildCycle({ hotspots, districts, stepMs: 15_000, playbackMs: 30_000, playback: true });
    expect(cycle.map((entry) => entry.key)).toEqual([
      'hotspot:881e031b3bfffff',
      'hotspot:881e031b39fffff',
      'playback:0',
      'district:5',
      'district:13',
      'playback:1',
    ]);
    expect(cycle.map((entry) => entry.durationMs)).toEqual([15_000, 15_000, 30_000, 15_000, 15_000, 30_000]);
    expect(cycle[1]?.step).toEqual({ kind: 'hotspot', h3: '881e031b39fffff', rank: 2, count: 30 });
  });

  test('without playback data the playback steps are left out', () => {
    const cycle = buildCycle({ hotspots, districts, stepMs: 1000, playbackMs: 2000, playback: false });
    expect(cycle.map((entry) => entry.step.kind)).toEqual(['hotspot', 'hotspot', 'district', 'district']);
  });

  test('with no hotspots the playback is shown once, between the districts', () => {
    const cycle = buildCycle({ hotspots: [], districts, stepMs: 1000, playbackMs: 2000, playback: true });
    expect(cycle.map((entry) => entry.key)).toEqual(['district:5', 'district:13', 'playback:1']);
  });

  test('new hotspots and spikes come first, for one step, when there are any', () => {
    const cycle = buildCycle({
      hotspots,
      districts,
      stepMs: 15_000,
      playbackMs: 30_000,
      playback: true,
      news: true,
    });
    expect(cycle.map((entry) => entry.key)).toEqual([
      'news:0',
      'hotspot:881e031b3bfffff',
      'hotspot:881e031b39fffff',
      'playback:0',
      'district:5',
      'district:13',
      'playback:1',
    ]);
    expect(cycle[0]).toEqual({ step: { kind: 'news' }, durationMs: 15_000, key: 'news:0' });
  });

  test('nothing new (or the public API, which has no spikes): no such step', () => {
    const cycle = buildCycle({
      hotspots,
      districts: [],
      stepMs: 1,
      playbackMs: 1,
      playback: false,
      news: false,
    });
    expect(cycle.map((entry) => entry.step.kind)).toEqual(['hotspot', 'hotspot']);
  });

  test('the news step alone is a cycle: no overview beside it', () => {
    const cycle = buildCycle({
      hotspots: [],
      districts: [],
      stepMs: 1,
      playbackMs: 1,
      playback: false,
      news: true,
    });
    expect(cycle.map((entry) => entry.key)).toEqual(['news:0']);
  });

  test('with nothing at all it holds the overview', () => {
    const cycle = buildCycle({
      hotspots: [],
      districts: [],
      stepMs: 1000,
      playbackMs: 2000,
      playback: false,
    });
    expect(cycle).toEqual([{ step: { kind: 'overview' }, durationMs: 1000, key: 'overview:0' }]);
  });
});

describe('nextIndex', () => {
  const cycle = buildCycle({ hotspots, districts, stepMs: 1, playbackMs: 1, playback: true });

  test('starts at the beginning', () => {
    expect(nextIndex(cycle, null)).toEqual({ index: 0, wrapped: false });
  });

  test('moves on and wraps after the last step', () => {
    expect(nextIndex(cycle, 'hotspot:881e031b39fffff')).toEqual({ index: 2, wrapped: false });
    expect(nextIndex(cycle, 'playback:1')).toEqual({ index: 0, wrapped: true });
  });

  test('after new data reorders the hotspots it continues after the same step', () => {
    const reordered = buildCycle({
      hotspots: [hotspots[1], hotspots[0]].filter((cell) => cell !== undefined),
      districts,
      stepMs: 1,
      playbackMs: 1,
      playback: true,
    });
    expect(nextIndex(reordered, 'hotspot:881e031b39fffff')).toEqual({ index: 1, wrapped: false });
  });

  test('a step that is gone restarts the loop', () => {
    expect(nextIndex(cycle, 'hotspot:gone')).toEqual({ index: 0, wrapped: true });
  });
});
