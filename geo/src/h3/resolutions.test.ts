import { describe, expect, test } from 'vitest';
import { isResolution, RESOLUTIONS, ROLLUP_RESOLUTIONS } from './resolutions';

describe('isResolution', () => {
  test('5..10 only, integers only', () => {
    expect(RESOLUTIONS.every(isResolution)).toBe(true);
    expect([4, 11, 7.5, Number.NaN].some(isResolution)).toBe(false);
  });

  test('rolled-up resolutions are served resolutions', () => {
    expect(ROLLUP_RESOLUTIONS.every(isResolution)).toBe(true);
  });
});
