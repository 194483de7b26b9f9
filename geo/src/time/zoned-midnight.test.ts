import { describe, expect, test } from 'vitest';
import { zonedMidnight } from './zoned-midnight';

const B = 'Europe/Budapest';
const iso = (year: number, month: number, day: number, zone: string) =>
  zonedMidnight(year, month, day, zone).toISOString();

describe('zonedMidnight', () => {
  test('Budapest winter and summer', () => {
    expect(iso(2024, 1, 15, B)).toBe('2024-01-14T23:00:00.000Z');
    expect(iso(2024, 7, 15, B)).toBe('2024-07-14T22:00:00.000Z');
  });

  test('the spring-forward day starts in CET and the next day in CEST: 23 hours', () => {
    expect(iso(2024, 3, 31, B)).toBe('2024-03-30T23:00:00.000Z');
    expect(iso(2024, 4, 1, B)).toBe('2024-03-31T22:00:00.000Z');
  });

  test('the fall-back day is 25 hours', () => {
    const start = zonedMidnight(2024, 10, 27, B);
    const end = zonedMidnight(2024, 10, 28, B);
    expect(start.toISOString()).toBe('2024-10-26T22:00:00.000Z');
    expect(end.getTime() - start.getTime()).toBe(25 * 3_600_000);
  });

  test('local midnight in Asia/Yakutsk (Amur oblast, UTC+9) is 15:00 UTC the day before', () => {
    expect(iso(2024, 3, 31, 'Asia/Yakutsk')).toBe('2024-03-30T15:00:00.000Z');
    expect(iso(2025, 1, 1, 'Asia/Yakutsk')).toBe('2024-12-31T15:00:00.000Z');
  });

  test('Moscow (UTC+3, no DST since 2014)', () => {
    expect(iso(2024, 10, 27, 'Europe/Moscow')).toBe('2024-10-26T21:00:00.000Z');
  });

  test('where clocks jump over midnight the day starts at 01:00 (America/Santiago, 2024-09-08)', () => {
    expect(iso(2024, 9, 8, 'America/Santiago')).toBe('2024-09-08T04:00:00.000Z');
  });

  test('leap day', () => {
    expect(iso(2024, 2, 29, 'UTC')).toBe('2024-02-29T00:00:00.000Z');
  });

  test.each([
    [2023, 2, 29],
    [2024, 13, 1],
    [2024, 0, 1],
    [2024, 4, 31],
    [2024, 1, 0],
    [2024, 1, 1.5],
  ])('%i-%i-%d is not a date: E_DATE_INVALID', (year, month, day) => {
    expect(() => zonedMidnight(year, month, day, B)).toThrow(
      expect.objectContaining({ code: 'E_DATE_INVALID' }),
    );
  });

  test.each(['Mars/Olympus', '', 'UTC+9', '+09:00'])('"%s" throws E_TIMEZONE_INVALID', (zone) => {
    expect(() => zonedMidnight(2024, 1, 1, zone)).toThrow(
      expect.objectContaining({ code: 'E_TIMEZONE_INVALID' }),
    );
  });
});
