import { describe, expect, test } from 'vitest';
import { bucketStart } from './bucket-start';
import type { TimeBucket } from './time-bucket';

const B = 'Europe/Budapest';
const start = (instant: string, bucket: TimeBucket, zone = B) =>
  bucketStart(new Date(instant), bucket, zone).toISOString();

describe('bucketStart', () => {
  test('hour', () => {
    expect(start('2024-07-01T10:42:13.5Z', 'hour')).toBe('2024-07-01T10:00:00.000Z');
  });

  test('hour in a half-hour zone is cut at the local hour', () => {
    expect(start('2024-07-01T10:42:00Z', 'hour', 'Asia/Kolkata')).toBe('2024-07-01T10:30:00.000Z');
  });

  test('the two 02:00 hours of the fall-back night are two buckets', () => {
    expect(start('2024-10-27T00:59:00Z', 'hour')).toBe('2024-10-27T00:00:00.000Z');
    expect(start('2024-10-27T01:10:00Z', 'hour')).toBe('2024-10-27T01:00:00.000Z');
  });

  test('day: local midnight, not UTC midnight', () => {
    expect(start('2024-03-30T23:30:00Z', 'day')).toBe('2024-03-30T23:00:00.000Z');
    expect(start('2024-03-30T22:30:00Z', 'day')).toBe('2024-03-29T23:00:00.000Z');
  });

  test('day after the spring-forward change still starts at CET midnight', () => {
    expect(start('2024-03-31T21:59:59.999Z', 'day')).toBe('2024-03-30T23:00:00.000Z');
    expect(start('2024-03-31T22:00:00Z', 'day')).toBe('2024-03-31T22:00:00.000Z');
  });

  test('day in Yakutsk (UTC+9)', () => {
    expect(start('2024-03-30T14:59:59Z', 'day', 'Asia/Yakutsk')).toBe('2024-03-29T15:00:00.000Z');
    expect(start('2024-03-30T15:00:00Z', 'day', 'Asia/Yakutsk')).toBe('2024-03-30T15:00:00.000Z');
  });

  test('week starts on Monday: Sunday 2024-03-31 belongs to the week of Monday 2024-03-25 (CET)', () => {
    expect(start('2024-03-31T12:00:00Z', 'week')).toBe('2024-03-24T23:00:00.000Z');
    expect(start('2024-04-01T00:30:00+02:00', 'week')).toBe('2024-03-31T22:00:00.000Z');
  });

  test('ISO week across the new year: 2025-01-01 is in the week of Monday 2024-12-30', () => {
    expect(start('2025-01-01T12:00:00Z', 'week', 'Asia/Yakutsk')).toBe('2024-12-29T15:00:00.000Z');
  });

  test('a Monday is its own week start', () => {
    expect(start('2024-10-28T00:00:00+01:00', 'week')).toBe('2024-10-27T23:00:00.000Z');
  });

  test('month, across the DST change at the month edge', () => {
    expect(start('2024-03-31T21:59:59Z', 'month')).toBe('2024-02-29T23:00:00.000Z');
    expect(start('2024-03-31T22:00:00Z', 'month')).toBe('2024-03-31T22:00:00.000Z');
  });

  test('month in Yakutsk: 1 March begins at 15:00 UTC on 29 February', () => {
    expect(start('2024-02-29T14:59:59.999Z', 'month', 'Asia/Yakutsk')).toBe('2024-01-31T15:00:00.000Z');
    expect(start('2024-02-29T15:00:00Z', 'month', 'Asia/Yakutsk')).toBe('2024-02-29T15:00:00.000Z');
  });

  test('an unknown bucket throws E_BUCKET_INVALID', () => {
    expect(() => bucketStart(new Date(0), 'year' as TimeBucket, B)).toThrow(
      expect.objectContaining({ code: 'E_BUCKET_INVALID' }),
    );
  });

  test('an unknown zone throws E_TIMEZONE_INVALID', () => {
    expect(() => bucketStart(new Date(0), 'day', 'Europe/Nowhere')).toThrow(
      expect.objectContaining({ code: 'E_TIMEZONE_INVALID' }),
    );
  });
});
