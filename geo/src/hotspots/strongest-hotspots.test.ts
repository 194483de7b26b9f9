import { describe, expect, test } from 'vitest';
import { LISTED_HOTSPOT_BIN, strongestHotspots } from './strongest-hotspots';

const cell = (h3: string, z: number, bin: number) => ({ h3, z, bin });

describe('strongestHotspots', () => {
  test('hot cells at 95 % or more (bin ≥ 2), highest z first, at most `limit`', () => {
    const cells = [
      cell('a', 4.1, 3),
      cell('b', 1.9, 1),
      cell('c', -4.5, -3),
      cell('d', 2.4, 2),
      cell('e', 5.2, 3),
      cell('f', 0.3, 0),
    ];
    expect(LISTED_HOTSPOT_BIN).toBe(2);
    expect(strongestHotspots(cells, 10).map((c) => c.h3)).toEqual(['e', 'a', 'd']);
    expect(strongestHotspots(cells, 2).map((c) => c.h3)).toEqual(['e', 'a']);
    expect(strongestHotspots(cells, 0)).toEqual([]);
  });

  test('equal z: the smaller cell id first, so the answer does not depend on input order', () => {
    const cells = [cell('8b', 3, 3), cell('8a', 3, 3), cell('89', 2.5, 2)];
    expect(strongestHotspots(cells, 3).map((c) => c.h3)).toEqual(['8a', '8b', '89']);
    expect(strongestHotspots([...cells].reverse(), 3).map((c) => c.h3)).toEqual(['8a', '8b', '89']);
  });
});
