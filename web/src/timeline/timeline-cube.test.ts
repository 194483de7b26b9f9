import { describe, expect, test } from 'vitest';
import {
  bucketAtOrAfter,
  buildTimelineCube,
  maxWindowCount,
  type TimelineColumns,
  windowCounts,
} from './timeline-cube';

// Three day buckets, two cells: A has 2, 0, 5 and B has 0, 3, 1.
function createTimeline(): TimelineColumns {
  return {
    edges: ['2024-03-01T00:00:00Z', '2024-03-02T00:00:00Z', '2024-03-03T00:00:00Z', '2024-03-04T00:00:00Z'],
    totals: [2, 3, 6],
    cells: {
      h3: ['881e031b3bfffff', '881e031b39fffff'],
      offsets: [0, 2, 4],
      buckets: [0, 2, 1, 2],
      counts: [2, 5, 3, 1],
    },
  };
}

describe('windowCounts', () => {
  test('sums each cell over the window', () => {
    const cube = buildTimelineCube(createTimeline());
    expect([...windowCounts(cube, { start: 0, end: 3 })]).toEqual([7, 4]);
    expect([...windowCounts(cube, { start: 1, end: 2 })]).toEqual([0, 3]);
    expect([...windowCounts(cube, { start: 2, end: 3 })]).toEqual([5, 1]);
  });

  test('a window outside the range is clamped, an empty one is all zeros', () => {
    const cube = buildTimelineCube(createTimeline());
    expect([...windowCounts(cube, { start: -4, end: 99 })]).toEqual([7, 4]);
    expect([...windowCounts(cube, { start: 2, end: 2 })]).toEqual([0, 0]);
  });
});

describe('maxWindowCount', () => {
  test('is the largest sum any cell reaches in any window of that length', () => {
    const cube = buildTimelineCube(createTimeline());
    expect(maxWindowCount(cube, 1, false)).toBe(5);
    expect(maxWindowCount(cube, 2, false)).toBe(5);
    expect(maxWindowCount(cube, 3, false)).toBe(7);
  });

  test('cumulative takes the whole range', () => {
    expect(maxWindowCount(buildTimelineCube(createTimeline()), 1, true)).toBe(7);
  });
});

describe('bucketAtOrAfter', () => {
  test('finds the edge of an instant', () => {
    const cube = buildTimelineCube(createTimeline());
    expect(bucketAtOrAfter(cube, Date.parse('2024-03-02T00:00:00Z'))).toBe(1);
    expect(bucketAtOrAfter(cube, Date.parse('2024-03-02T10:00:00Z'))).toBe(2);
    expect(bucketAtOrAfter(cube, Date.parse('2025-01-01T00:00:00Z'))).toBe(3);
  });
});
