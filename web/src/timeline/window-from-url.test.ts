import { describe, expect, test } from 'vitest';
import { buildTimelineCube } from './timeline-cube';
import { windowFromUrl, windowToUrl } from './window-from-url';

// Month buckets in Budapest across the spring DST change: edges at local midnight.
function createCube() {
  return buildTimelineCube({
    edges: ['2024-01-31T23:00:00Z', '2024-02-29T23:00:00Z', '2024-03-31T22:00:00Z', '2024-04-30T22:00:00Z'],
    totals: [1, 2, 3],
    cells: { h3: [], offsets: [0], buckets: [], counts: [] },
  });
}

describe('windowFromUrl', () => {
  test('maps local dates to bucket edges', () => {
    expect(windowFromUrl(createCube(), '2024-03-01', '2024-05-01', 'Europe/Budapest')).toEqual({
      start: 1,
      end: 3,
    });
  });

  test('defaults to the latest bucket, and to one bucket when only from is given', () => {
    expect(windowFromUrl(createCube(), undefined, undefined, 'Europe/Budapest')).toEqual({
      start: 2,
      end: 3,
    });
    expect(windowFromUrl(createCube(), '2024-02-01', undefined, 'Europe/Budapest')).toEqual({
      start: 0,
      end: 1,
    });
  });

  test('by default skips a last bucket the data ends inside', () => {
    const cube = buildTimelineCube({
      edges: ['2024-01-31T23:00:00Z', '2024-02-29T23:00:00Z', '2024-03-31T22:00:00Z', '2024-04-30T22:00:00Z'],
      totals: [50, 60, 12],
      cells: { h3: [], offsets: [0], buckets: [], counts: [] },
    });
    expect(windowFromUrl(cube, undefined, undefined, 'Europe/Budapest')).toEqual({ start: 1, end: 2 });
  });

  test('a from past the data clamps to the last bucket', () => {
    expect(windowFromUrl(createCube(), '2030-01-01', '2031-01-01', 'Europe/Budapest')).toEqual({
      start: 2,
      end: 3,
    });
  });

  test('round-trips through the link', () => {
    const cube = createCube();
    const link = windowToUrl(cube, { start: 1, end: 2 }, 'Europe/Budapest');
    expect(link).toEqual({ from: '2024-03-01', to: '2024-04-01' });
    expect(windowFromUrl(cube, link.from, link.to, 'Europe/Budapest')).toEqual({ start: 1, end: 2 });
  });
});
