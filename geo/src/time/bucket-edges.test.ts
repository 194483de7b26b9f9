import { describe, expect, test } from 'vitest';
import { bucketEdges } from './bucket-edges';
import type { TimeBucket } from './time-bucket';

const B = 'Europe/Budapest';
const edges = (from: string, to: string, bucket: TimeBucket, zone = B, maxBuckets?: number) =>
  bucketEdges(new Date(from), new Date(to), bucket, zone, { maxBuckets }).map((d) => d.toISOString());

describe('bucketEdges', () => {
  test('days around the spring-forward change: 23-hour day', () => {
    expect(edges('2024-03-30T23:00:00Z', '2024-04-01T22:00:00Z', 'day')).toEqual([
      '2024-03-30T23:00:00.000Z',
      '2024-03-31T22:00:00.000Z',
    ]);
  });

  test('days around the fall-back change: 25-hour day', () => {
    expect(edges('2024-10-26T12:00:00Z', '2024-10-28T00:00:00Z', 'day')).toEqual([
      '2024-10-25T22:00:00.000Z',
      '2024-10-26T22:00:00.000Z',
      '2024-10-27T23:00:00.000Z',
    ]);
  });

  test('hours over the fall-back night: local 02:00 twice', () => {
    expect(edges('2024-10-26T23:00:00Z', '2024-10-27T02:00:00Z', 'hour')).toEqual([
      '2024-10-26T23:00:00.000Z',
      '2024-10-27T00:00:00.000Z',
      '2024-10-27T01:00:00.000Z',
    ]);
  });

  test('hours over the spring-forward night: no 02:00', () => {
    expect(edges('2024-03-30T23:00:00Z', '2024-03-31T02:00:00Z', 'hour')).toEqual([
      '2024-03-30T23:00:00.000Z',
      '2024-03-31T00:00:00.000Z',
      '2024-03-31T01:00:00.000Z',
    ]);
  });

  test('weeks start on Mondays at local midnight', () => {
    expect(edges('2024-03-20T00:00:00Z', '2024-04-10T00:00:00Z', 'week')).toEqual([
      '2024-03-17T23:00:00.000Z',
      '2024-03-24T23:00:00.000Z',
      '2024-03-31T22:00:00.000Z',
      '2024-04-07T22:00:00.000Z',
    ]);
  });

  test('months in Yakutsk, through a leap February', () => {
    expect(edges('2024-01-20T00:00:00Z', '2024-04-10T00:00:00Z', 'month', 'Asia/Yakutsk')).toEqual([
      '2023-12-31T15:00:00.000Z',
      '2024-01-31T15:00:00.000Z',
      '2024-02-29T15:00:00.000Z',
      '2024-03-31T15:00:00.000Z',
    ]);
  });

  test('`to` is exclusive: a range ending on an edge does not start another bucket', () => {
    expect(edges('2024-03-31T22:00:00Z', '2024-04-01T22:00:00Z', 'day')).toEqual([
      '2024-03-31T22:00:00.000Z',
    ]);
  });

  test('an empty range has no buckets', () => {
    expect(edges('2024-03-31T22:00:00Z', '2024-03-31T22:00:00Z', 'day')).toEqual([]);
  });

  test('a reversed range throws E_RANGE_INVALID', () => {
    expect(() => edges('2024-04-01T00:00:00Z', '2024-03-01T00:00:00Z', 'day')).toThrow(
      expect.objectContaining({ code: 'E_RANGE_INVALID' }),
    );
  });

  test('more buckets than allowed throws E_RANGE_TOO_LONG; exactly the limit is fine', () => {
    expect(edges('2024-01-01T00:00:00Z', '2024-01-01T03:00:00Z', 'hour', 'UTC', 3)).toHaveLength(3);
    expect(() => edges('2024-01-01T00:00:00Z', '2024-01-01T03:00:01Z', 'hour', 'UTC', 3)).toThrow(
      expect.objectContaining({ code: 'E_RANGE_TOO_LONG' }),
    );
  });

  test('a year of days in Budapest: 366 buckets, each 23, 24 or 25 hours', () => {
    const days = bucketEdges(new Date('2023-12-31T23:00:00Z'), new Date('2024-12-31T23:00:00Z'), 'day', B);
    expect(days).toHaveLength(366);
    const hours = days.slice(1).map((d, i) => (d.getTime() - (days[i] as Date).getTime()) / 3_600_000);
    expect(hours.filter((h) => h === 23)).toHaveLength(1);
    expect(hours.filter((h) => h === 25)).toHaveLength(1);
  });
});
