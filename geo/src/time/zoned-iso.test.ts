import { describe, expect, test } from 'vitest';
import { zonedIso } from './zoned-iso';

describe('zonedIso', () => {
  test('Budapest in summer and in winter, the same instant in UTC', () => {
    expect(zonedIso(new Date('2024-05-01T08:00:00Z'), 'Europe/Budapest')).toBe('2024-05-01T10:00:00+02:00');
    expect(zonedIso(new Date('2024-01-31T23:30:05.900Z'), 'Europe/Budapest')).toBe(
      '2024-02-01T00:30:05+01:00',
    );
    expect(zonedIso(new Date('2024-01-31T23:30:05Z'), 'UTC')).toBe('2024-01-31T23:30:05+00:00');
  });

  test('negative and half-hour offsets', () => {
    expect(zonedIso(new Date('2024-07-01T12:00:00Z'), 'America/New_York')).toBe('2024-07-01T08:00:00-04:00');
    expect(zonedIso(new Date('2024-07-01T12:00:00Z'), 'Asia/Kolkata')).toBe('2024-07-01T17:30:00+05:30');
  });

  test('reads back as the same instant (to the second)', () => {
    const instant = new Date('2024-10-27T00:59:59Z');
    expect(new Date(zonedIso(instant, 'Europe/Budapest')).getTime()).toBe(instant.getTime());
  });
});
