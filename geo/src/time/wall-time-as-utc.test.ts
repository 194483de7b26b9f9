import { describe, expect, test } from 'vitest';
import { wallTimeAsUtc } from './wall-time-as-utc';

const wall = { year: 2024, month: 1, day: 1, hour: 0, minute: 0, second: 0, millisecond: 0 };

describe('wallTimeAsUtc', () => {
  test('reads the fields as UTC', () => {
    expect(wallTimeAsUtc({ ...wall, month: 3, day: 31, hour: 2, minute: 30 })).toBe(
      Date.parse('2024-03-31T02:30:00Z'),
    );
  });

  test('overflowing fields roll over the calendar', () => {
    expect(wallTimeAsUtc({ ...wall, month: 2, day: 30 })).toBe(Date.parse('2024-03-01T00:00:00Z'));
    expect(wallTimeAsUtc({ ...wall, month: 13 })).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect(wallTimeAsUtc({ ...wall, day: 0 })).toBe(Date.parse('2023-12-31T00:00:00Z'));
  });

  test('years below 100 are not shifted to the 1900s', () => {
    expect(new Date(wallTimeAsUtc({ ...wall, year: 50 })).getUTCFullYear()).toBe(50);
  });
});
