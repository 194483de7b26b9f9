import { describe, expect, test } from 'vitest';
import { timeZoneOffset } from './time-zone-offset';

describe('timeZoneOffset', () => {
  test('Budapest: +1 h in winter, +2 h in summer', () => {
    expect(timeZoneOffset(new Date('2024-01-15T12:00:00Z'), 'Europe/Budapest')).toBe(3_600_000);
    expect(timeZoneOffset(new Date('2024-07-15T12:00:00Z'), 'Europe/Budapest')).toBe(7_200_000);
  });

  test('the spring-forward change happens at 01:00 UTC', () => {
    expect(timeZoneOffset(new Date('2024-03-31T00:59:59.999Z'), 'Europe/Budapest')).toBe(3_600_000);
    expect(timeZoneOffset(new Date('2024-03-31T01:00:00Z'), 'Europe/Budapest')).toBe(7_200_000);
  });

  test('Yakutsk (Amur oblast) is +9 h all year', () => {
    expect(timeZoneOffset(new Date('2024-01-15T12:00:00Z'), 'Asia/Yakutsk')).toBe(9 * 3_600_000);
    expect(timeZoneOffset(new Date('2024-07-15T12:00:00Z'), 'Asia/Yakutsk')).toBe(9 * 3_600_000);
  });

  test('half-hour zones', () => {
    expect(timeZoneOffset(new Date('2024-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * 3_600_000);
  });
});
