import { describe, expect, test } from 'vitest';
import { hotspotResolution } from './hotspot-resolution';

describe('hotspotResolution', () => {
  test("the map's resolution, from 5 up to 9: finer cells are capped", () => {
    expect(hotspotResolution(4)).toBe(5);
    expect(hotspotResolution(7)).toBe(7);
    expect(hotspotResolution(9)).toBe(9);
    expect(hotspotResolution(10)).toBe(9);
  });
});
