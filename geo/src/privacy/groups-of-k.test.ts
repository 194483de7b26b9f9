import { describe, expect, test } from 'vitest';
import { groupsOfAtLeast } from './groups-of-k';

const byMonth = (item: { month: string }) => item.month;

describe('groupsOfAtLeast', () => {
  test('keeps the groups of k or more, in input order', () => {
    const items = [
      ...Array.from({ length: 5 }, (_, i) => ({ month: '2024-03', i })),
      ...Array.from({ length: 4 }, (_, i) => ({ month: '2024-04', i: 5 + i })),
    ];
    expect(groupsOfAtLeast(items, byMonth).map((item) => item.i)).toEqual([0, 1, 2, 3, 4]);
  });

  test('a group exactly at k is shown, one below is not', () => {
    const four = Array.from({ length: 4 }, () => ({ month: '2024-03' }));
    expect(groupsOfAtLeast(four, byMonth)).toEqual([]);
    expect(groupsOfAtLeast(four, byMonth, { minCount: 4 })).toHaveLength(4);
  });

  test('nothing in, nothing out', () => {
    expect(groupsOfAtLeast([], byMonth)).toEqual([]);
  });
});
