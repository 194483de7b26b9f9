import { describe, expect, test } from 'vitest';
import { localDate } from './local-date';

describe('localDate', () => {
  test('the UTC evening is already the next day in Budapest and Yakutsk', () => {
    expect(localDate(new Date('2024-03-30T23:00:00Z'), 'Europe/Budapest')).toBe('2024-03-31');
    expect(localDate(new Date('2024-03-30T22:59:59.999Z'), 'Europe/Budapest')).toBe('2024-03-30');
    expect(localDate(new Date('2024-03-30T15:00:00Z'), 'Asia/Yakutsk')).toBe('2024-03-31');
  });

  test('pads years and months', () => {
    expect(localDate(new Date('0999-01-05T12:00:00Z'), 'UTC')).toBe('0999-01-05');
  });

  test('an unknown zone throws E_TIMEZONE_INVALID', () => {
    expect(() => localDate(new Date(0), 'Nowhere/City')).toThrow(
      expect.objectContaining({ code: 'E_TIMEZONE_INVALID' }),
    );
  });
});
