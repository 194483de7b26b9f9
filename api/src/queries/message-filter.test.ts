import { describe, expect, test } from 'vitest';
import { dayWindow, parseFilters } from './message-filter';

const TZ = 'Europe/Budapest';

describe('parseFilters', () => {
  test('a date is local midnight in the region zone, across DST', () => {
    const f = parseFilters({ from: '2024-03-31', to: '2024-04-01' }, TZ);
    expect(f.from?.toISOString()).toBe('2024-03-30T23:00:00.000Z');
    expect(f.to?.toISOString()).toBe('2024-03-31T22:00:00.000Z');
  });
  test('lists split into ids and names', () => {
    expect(parseFilters({ category: '3,Kátyú,12' }, TZ).categories).toEqual({
      ids: [3, 12],
      names: ['Kátyú'],
    });
  });
  test('from after to names the parameter', () => {
    expect(() => parseFilters({ from: '2024-05-01', to: '2024-04-01' }, TZ)).toThrow(/"from".*after to/);
  });
  test('the scope is carried', () => {
    expect(parseFilters({}, TZ, { districtIds: [4] }).scope).toEqual({ districtIds: [4] });
  });
});

describe('dayWindow', () => {
  test('local midnights give whole days; any other instant gives null', () => {
    expect(dayWindow(parseFilters({ from: '2024-10-27', to: '2024-10-28' }, TZ), TZ)).toEqual({
      fromDay: '2024-10-27',
      toDay: '2024-10-28',
    });
    expect(dayWindow(parseFilters({ from: '2024-10-27T00:00:00Z' }, TZ), TZ)).toBeNull();
    expect(dayWindow({}, TZ)).toEqual({});
  });
});
