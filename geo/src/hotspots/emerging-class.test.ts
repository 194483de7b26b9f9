import { describe, expect, test } from 'vitest';
import { type EmergingClass, emergingClass } from './emerging-class';

const NO_TREND = { z: 0.3, p: 0.76 };
const RISING = { z: 3.1, p: 0.0019 };
const FALLING = { z: -3.1, p: 0.0019 };

type Case = [EmergingClass, number[], { z: number; p: number }];

// Ten steps, oldest first; a bin is significant at >= 90 % when |bin| >= 1. For cold spots "intensifying"
// means z falling (colder), so the trend is mirrored too.
const HOT: Case[] = [
  ['new-hot', [0, 0, 0, 0, 0, 0, 0, 0, 0, 2], RISING],
  ['consecutive-hot', [0, 0, 0, 0, 0, 0, 0, 1, 2, 3], RISING],
  ['intensifying-hot', [0, 1, 1, 2, 2, 2, 3, 3, 3, 3], RISING],
  ['persistent-hot', [1, 2, 1, 2, 1, 2, 1, 2, 1, 2], NO_TREND],
  ['diminishing-hot', [3, 3, 3, 3, 3, 2, 2, 1, 1, 1], FALLING],
  ['sporadic-hot', [0, 1, 0, 0, 2, 0, 0, 0, 0, 1], NO_TREND],
  ['oscillating-hot', [-2, 0, 0, 1, 0, 0, 0, 0, 0, 1], NO_TREND],
  ['historical-hot', [2, 2, 2, 2, 2, 2, 2, 2, 2, 0], FALLING],
];
const COLD: Case[] = HOT.map(([name, bins, trend]) => [
  name.replace('-hot', '-cold') as EmergingClass,
  bins.map((bin) => -bin),
  { z: -trend.z, p: trend.p },
]);

describe('emergingClass', () => {
  test.each([...HOT, ...COLD])('%s', (expected, bins, trend) => {
    expect(emergingClass(bins, trend)).toBe(expected);
  });

  test('no pattern: never significant, or hot only long ago', () => {
    expect(emergingClass(new Array(10).fill(0), NO_TREND)).toBe('no-pattern');
    expect(emergingClass([1, 1, 0, 0, 0, 0, 0, 0, 0, 0], FALLING)).toBe('no-pattern');
    expect(emergingClass([], NO_TREND)).toBe('no-pattern');
  });

  test('90 % is the line: a run of 9 of 10 is persistent, a run of 8 is consecutive', () => {
    expect(emergingClass([0, 1, 1, 1, 1, 1, 1, 1, 1, 1], NO_TREND)).toBe('persistent-hot');
    expect(emergingClass([0, 0, 1, 1, 1, 1, 1, 1, 1, 1], NO_TREND)).toBe('consecutive-hot');
    expect(emergingClass([2, 2, 2, 2, 2, 2, 2, 2, 0, 0], NO_TREND)).toBe('no-pattern');
  });

  test('hot before the final run makes it sporadic, not consecutive', () => {
    expect(emergingClass([0, 1, 0, 0, 0, 0, 0, 0, 1, 1], NO_TREND)).toBe('sporadic-hot');
  });

  test('a cold history wins over new: first cold, now hot is oscillating', () => {
    expect(emergingClass([-1, 0, 0, 0, 0, 0, 0, 0, 0, 3], RISING)).toBe('oscillating-hot');
  });

  test('the trend counts only when significant at alpha (default 0.05)', () => {
    const bins = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
    expect(emergingClass(bins, { z: 2.05, p: 0.04 })).toBe('intensifying-hot');
    expect(emergingClass(bins, { z: 2.05, p: 0.04 }, { alpha: 0.01 })).toBe('persistent-hot');
  });
});
