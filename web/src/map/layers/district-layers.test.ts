import { describe, expect, test } from 'vitest';
import { labelPosition } from './district-layers';

describe('labelPosition', () => {
  test('is the centroid of the largest polygon, not of the bounding box', () => {
    const small = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
        [0, 0],
      ],
    ];
    const large = [
      [
        [10, 0],
        [14, 0],
        [14, 2],
        [10, 2],
        [10, 0],
      ],
    ];
    const [x, y] = labelPosition([small, large]);
    expect(x).toBeCloseTo(12);
    expect(y).toBeCloseTo(1);
  });

  test('works whichever way the ring winds', () => {
    const clockwise = [
      [
        [0, 0],
        [0, 2],
        [2, 2],
        [2, 0],
        [0, 0],
      ],
    ];
    const [x, y] = labelPosition([clockwise]);
    expect(x).toBeCloseTo(1);
    expect(y).toBeCloseTo(1);
  });
});
