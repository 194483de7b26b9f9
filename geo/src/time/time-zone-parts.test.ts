import { describe, expect, test } from 'vitest';
import { timeZoneParts } from './time-zone-parts';

describe('timeZoneParts', () => {
  test('summer time in Budapest', () => {
    expect(timeZoneParts(new Date('2024-07-01T22:30:15.250Z'), 'Europe/Budapest')).toEqual({
      year: 2024,
      month: 7,
      day: 2,
      hour: 0,
      minute: 30,
      second: 15,
      millisecond: 250,
    });
  });

  test('midnight reads as hour 0, not 24', () => {
    expect(timeZoneParts(new Date('2024-03-30T15:00:00Z'), 'Asia/Yakutsk').hour).toBe(0);
  });

  test('an unknown zone throws E_TIMEZONE_INVALID', () => {
    expect(() => timeZoneParts(new Date(0), 'Mars/Olympus')).toThrow(
      expect.objectContaining({ code: 'E_TIMEZONE_INVALID' }),
    );
  });

  test('an invalid Date throws E_DATE_INVALID', () => {
    expect(() => timeZoneParts(new Date(Number.NaN), 'UTC')).toThrow(
      expect.objectContaining({ code: 'E_DATE_INVALID' }),
    );
  });
});
