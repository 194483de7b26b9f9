import { describe, expect, test } from 'vitest';
import { nextBucketStart } from './next-bucket-start';
import type { TimeBucket } from './time-bucket';

const B = 'Europe/Budapest';
const next = (instant: string, bucket: TimeBucket, zone = B) =>
  nextBucketStart(new Date(instant), bucket, zone).toISOString();

describe('nextBucketStart', () => {
  test('hour across the spring-forward gap: 01:00 CET is followed by 03:00 CEST', () => {
    expect(next('2024-03-31T00:20:00Z', 'hour')).toBe('2024-03-31T01:00:00.000Z');
  });

  test('day: the spring-forward day ends 23 hours after it began', () => {
    expect(next('2024-03-31T10:00:00Z', 'day')).toBe('2024-03-31T22:00:00.000Z');
  });

  test('day: the fall-back day ends 25 hours after it began', () => {
    expect(next('2024-10-27T10:00:00Z', 'day')).toBe('2024-10-27T23:00:00.000Z');
  });

  test('week', () => {
    expect(next('2024-03-27T10:00:00Z', 'week')).toBe('2024-03-31T22:00:00.000Z');
  });

  test('month: December rolls into January', () => {
    expect(next('2024-12-15T10:00:00Z', 'month', 'Asia/Yakutsk')).toBe('2024-12-31T15:00:00.000Z');
  });
});
