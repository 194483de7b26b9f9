import { describe, expect, test } from 'vitest';
import { isTimeBucket, TIME_BUCKETS } from './time-bucket';

describe('isTimeBucket', () => {
  test('accepts the four buckets, nothing else', () => {
    expect(TIME_BUCKETS.every(isTimeBucket)).toBe(true);
    expect(isTimeBucket('year')).toBe(false);
    expect(isTimeBucket('Day')).toBe(false);
  });
});
