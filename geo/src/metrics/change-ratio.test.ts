import { describe, expect, test } from 'vitest';
import { changeRatio } from './change-ratio';

describe('changeRatio', () => {
  test('growth and fall', () => {
    expect(changeRatio(125, 100)).toBe(0.25);
    expect(changeRatio(50, 200)).toBe(-0.75);
  });

  test('no change', () => {
    expect(changeRatio(40, 40)).toBe(0);
    expect(changeRatio(0, 0)).toBe(0);
  });

  test('no baseline: null', () => {
    expect(changeRatio(5, 0)).toBeNull();
    expect(changeRatio(null, 10)).toBeNull();
    expect(changeRatio(10, null)).toBeNull();
  });
});
