import { describe, expect, test } from 'vitest';
import { daysUntilYesterday } from './days-until-yesterday';

describe('daysUntilYesterday', () => {
  test('the days between the last day and yesterday', () => {
    expect(daysUntilYesterday('2025-10-31', '2026-11-30')).toBe(394);
    expect(daysUntilYesterday('2026-11-28', '2026-11-30')).toBe(1);
  });
  test('across a leap day and a month edge', () => {
    expect(daysUntilYesterday('2024-02-28', '2024-03-02')).toBe(2);
  });
  test('never back: data ending yesterday, today or later stays', () => {
    expect(daysUntilYesterday('2026-11-29', '2026-11-30')).toBe(0);
    expect(daysUntilYesterday('2026-11-30', '2026-11-30')).toBe(0);
    expect(daysUntilYesterday('2026-12-05', '2026-11-30')).toBe(0);
  });
});
