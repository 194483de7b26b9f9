import { describe, expect, test } from 'vitest';
import { EARLIEST_MESSAGE_DATE, isPlausibleMessageDate, latestMessageDate } from './date-bounds';

describe('isPlausibleMessageDate', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  test.each([
    ['1990-01-01T00:00:00Z', true],
    ['1989-12-31T23:59:59Z', false],
    ['2026-12-01T12:00:00Z', true],
    ['2026-12-01T12:00:01Z', false],
    ['2205-03-01T00:00:00Z', false],
    ['9999-12-31T00:00:00Z', false],
  ])('%s: %s', (iso, plausible) => {
    expect(isPlausibleMessageDate(new Date(iso), now)).toBe(plausible);
  });

  test('the bounds', () => {
    expect(EARLIEST_MESSAGE_DATE.toISOString()).toBe('1990-01-01T00:00:00.000Z');
    expect(latestMessageDate(now).toISOString()).toBe('2026-12-01T12:00:00.000Z');
  });
});
