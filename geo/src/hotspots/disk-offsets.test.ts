import { cellToLocalIj, gridDisk } from 'h3-js';
import { describe, expect, test } from 'vitest';
import { diskOffsets } from './disk-offsets';

const CENTRE = '881e037853fffff';

describe('diskOffsets', () => {
  test.each([1, 2, 3])('k = %i: the steps to exactly the cells of gridDisk', (k) => {
    const origin = cellToLocalIj(CENTRE, CENTRE);
    const steps = gridDisk(CENTRE, k).map((cell) => {
      const { i, j } = cellToLocalIj(CENTRE, cell);
      return [i - origin.i, j - origin.j];
    });
    const offsets = diskOffsets(k);
    expect(offsets[0]).toEqual([0, 0]);
    expect(offsets).toHaveLength(1 + 3 * k * (k + 1));
    expect([...offsets].sort()).toEqual(steps.sort());
  });
});
