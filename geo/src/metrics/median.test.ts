import { describe, expect, test } from 'vitest';
import { median } from './median';

describe('median', () => {
  test('odd count: the middle value, whatever the input order', () => {
    expect(median([30, 10, 20])).toBe(20);
  });

  test('even count: the mean of the two middle values (percentile_cont)', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([1440, 2880])).toBe(2160);
  });

  test('a single value', () => {
    expect(median([7])).toBe(7);
  });

  test('empty gives null', () => {
    expect(median([])).toBeNull();
  });

  test('null and NaN are skipped, like NULL in SQL', () => {
    expect(median([null, 5, undefined, 1, Number.NaN])).toBe(3);
    expect(median([null, null])).toBeNull();
  });

  test('sorts numerically, not as text', () => {
    expect(median([100, 9, 20])).toBe(20);
  });

  test('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
