import { describe, expect, test } from 'vitest';
import { sparklineGeometry } from './sparkline';

const BOX = { width: 100, height: 20, pad: 2 };

describe('sparklineGeometry', () => {
  test('spreads the days over the width and scales counts to the highest', () => {
    expect(sparklineGeometry([0, 2, 4], BOX)).toEqual({
      points: '2,18 50,10 98,2',
      last: { x: 98, y: 2 },
      expectedY: null,
    });
  });

  test('draws the expected level on the same scale', () => {
    expect(sparklineGeometry([0, 2, 4], BOX, 1).expectedY).toBe(14);
  });

  test('an expected level above every count sets the scale', () => {
    const geometry = sparklineGeometry([0, 1], BOX, 2);
    expect(geometry.points).toBe('2,18 98,10');
    expect(geometry.expectedY).toBe(2);
  });

  test('all zeros lie on the baseline, not in the middle', () => {
    expect(sparklineGeometry([0, 0, 0], BOX).points).toBe('2,18 50,18 98,18');
  });

  test('one day sits in the middle', () => {
    expect(sparklineGeometry([5], BOX)).toEqual({ points: '50,2', last: { x: 50, y: 2 }, expectedY: null });
  });

  test('no days: nothing to draw', () => {
    expect(sparklineGeometry([], BOX)).toEqual({ points: '', last: null, expectedY: null });
  });

  test('coordinates are rounded to hundredths', () => {
    expect(sparklineGeometry([1, 2, 3], { width: 10, height: 10, pad: 0 }).points).toBe('0,6.67 5,3.33 10,0');
  });
});
