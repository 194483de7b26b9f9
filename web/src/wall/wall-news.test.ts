import { describe, expect, test } from 'vitest';
import type { WallAlert, WallEmergingCell } from './wall-api-types';
import { newsLabels, wallNewsItems } from './wall-news';

function createCell(
  h3: string,
  cls: WallEmergingCell['class'],
  trendZ: number,
  lastBin: number,
): WallEmergingCell {
  return {
    h3,
    class: cls,
    trend: { z: trendZ, p: 0.01 },
    bins: [0, 0, 1, lastBin] as WallEmergingCell['bins'],
  };
}

function createAlert(h3: string, category: string): WallAlert {
  return {
    h3,
    categoryId: 1,
    category,
    observed: 12,
    expected: 1.5,
    p: 1e-8,
    series: Array.from({ length: 14 }, () => 1),
    district: null,
    place: null,
  };
}

describe('wallNewsItems', () => {
  test('new hotspots (strongest first), then intensifying (steepest trend first), then spikes as the API ranks them', () => {
    const items = wallNewsItems({
      emerging: [
        createCell('a', 'intensifying-hot', 2.1, 1),
        createCell('b', 'new-hot', 0.5, 1),
        createCell('c', 'persistent-hot', 0, 3),
        createCell('d', 'new-hot', 0.2, 3),
        createCell('e', 'intensifying-hot', 3.5, 2),
        createCell('f', 'new-cold', 0, -3),
      ],
      alerts: [createAlert('x', 'roads'), createAlert('b', 'lights')],
      perKind: 3,
    });
    expect(items.map((item) => `${item.kind}:${item.h3}`)).toEqual([
      'new:d',
      'new:b',
      'intensifying:e',
      'intensifying:a',
      'spike:x',
      'spike:b',
    ]);
    expect(items[4]?.alert?.category).toBe('roads');
  });

  test('at most perKind of each kind', () => {
    const items = wallNewsItems({
      emerging: ['a', 'b', 'c'].map((h3, index) => createCell(h3, 'new-hot', index, 1)),
      alerts: ['x', 'y', 'z'].map((h3) => createAlert(h3, 'roads')),
      perKind: 2,
    });
    expect(items.map((item) => `${item.kind}:${item.h3}`)).toEqual(['new:c', 'new:b', 'spike:x', 'spike:y']);
  });

  test('nothing new: no items', () => {
    expect(
      wallNewsItems({ emerging: [createCell('c', 'persistent-hot', 0, 3)], alerts: [], perKind: 3 }),
    ).toEqual([]);
  });

  test('a new hotspot takes its place from the emerging answer', () => {
    const items = wallNewsItems({
      emerging: [{ ...createCell('b', 'new-hot', 0, 1), place: 'VIII. kerület, Bródy Sándor utca' }],
      alerts: [],
      perKind: 3,
    });
    expect(items.map((item) => item.place)).toEqual(['VIII. kerület, Bródy Sándor utca']);
  });

  test('a hotspot cell takes its place from a spike in the same cell', () => {
    const spike = { ...createAlert('b', 'lights'), place: 'V. kerület, Váci utca' };
    const items = wallNewsItems({
      emerging: [createCell('b', 'new-hot', 0, 1)],
      alerts: [spike],
      perKind: 3,
    });
    expect(items.map((item) => item.place)).toEqual(['V. kerület, Váci utca', 'V. kerület, Váci utca']);
  });
});

describe('newsLabels', () => {
  test('one label per cell with the numbers of its lines in the list', () => {
    const items = wallNewsItems({
      emerging: [createCell('b', 'new-hot', 0, 1)],
      alerts: [createAlert('x', 'roads'), createAlert('b', 'lights')],
      perKind: 3,
    });
    expect(newsLabels(items)).toEqual([
      { h3: 'b', text: '1, 3' },
      { h3: 'x', text: '2' },
    ]);
  });
});
