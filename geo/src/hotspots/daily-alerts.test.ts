import { describe, expect, test } from 'vitest';
import { dailyAlerts } from './daily-alerts';

describe('dailyAlerts', () => {
  test('an alert needs BH at q = 0.01 over the day and at least 5 messages', () => {
    const tests = [
      { observed: 12, p: 1e-6 },
      { observed: 4, p: 1e-7 },
      { observed: 6, p: 0.004 },
    ];
    // m = 3: adjusted 1e-6·3/2 = 1.5e-6, 1e-7·3 = 3e-7, 0.004·3/3 = 0.004: all pass q = 0.01,
    // but 4 messages are too few.
    expect(dailyAlerts(tests)).toEqual([true, false, true]);
  });

  test('among 100 tests the same p = 0.004 no longer passes (0.004·100/3 = 0.133)', () => {
    const tests = [
      { observed: 12, p: 1e-6 },
      { observed: 4, p: 1e-7 },
      { observed: 6, p: 0.004 },
      ...new Array(97).fill({ observed: 1, p: 0.9 }),
    ];
    expect(dailyAlerts(tests).slice(0, 3)).toEqual([true, false, false]);
  });

  test('exactly 5 messages is enough; the level and minimum can be set', () => {
    expect(dailyAlerts([{ observed: 5, p: 0.001 }])).toEqual([true]);
    expect(dailyAlerts([{ observed: 5, p: 0.001 }], { minObserved: 6 })).toEqual([false]);
    expect(dailyAlerts([{ observed: 5, p: 0.02 }], { q: 0.05 })).toEqual([true]);
  });
});
