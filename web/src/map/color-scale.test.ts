import { describe, expect, test } from 'vitest';
import { createColorScale, niceCeiling, positionOnScale, VIRIDIS } from './color-scale';

describe('niceCeiling', () => {
  test('rounds up to a readable number', () => {
    expect(niceCeiling(1)).toBe(1);
    expect(niceCeiling(7)).toBe(10);
    expect(niceCeiling(23)).toBe(25);
    expect(niceCeiling(180)).toBe(200);
    expect(niceCeiling(4100)).toBe(5000);
    expect(niceCeiling(0)).toBe(1);
  });
});

describe('createColorScale', () => {
  test('the ends of the domain are the ends of viridis', () => {
    const scale = createColorScale(93);
    expect(scale.max).toBe(100);
    expect(scale.colorOf(0)).toEqual(VIRIDIS[0]);
    expect(scale.colorOf(100)).toEqual(VIRIDIS[VIRIDIS.length - 1]);
    expect(scale.colorOf(500)).toEqual(VIRIDIS[VIRIDIS.length - 1]);
  });

  test('sqrt spreads the low counts: a quarter of the max sits at the middle of the bar', () => {
    const scale = createColorScale(100, 'sqrt');
    expect(positionOnScale(scale, 25)).toBeCloseTo(0.5);
    expect(scale.ticks).toEqual([0, 6.3, 25, 56, 100]);
  });

  test('count scales show whole numbers, each once', () => {
    expect(createColorScale(100, 'sqrt', { integer: true }).ticks).toEqual([0, 6, 25, 56, 100]);
    expect(createColorScale(2, 'sqrt', { integer: true }).ticks).toEqual([0, 1, 2]);
  });

  test('linear ticks divide the domain evenly', () => {
    expect(createColorScale(40, 'linear').ticks).toEqual([0, 12.5, 25, 37.5, 50]);
  });

  test('colours grow lighter with the value (monotonic luminance)', () => {
    const scale = createColorScale(1000);
    const luminance = ([r, g, b]: number[]) => 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
    let previous = -1;
    for (let value = 0; value <= 1000; value += 50) {
      const current = luminance(scale.colorOf(value));
      expect(current).toBeGreaterThan(previous);
      previous = current;
    }
  });
});
