import { describe, expect, test } from 'vitest';
import { previousPeriod } from './previous-period';

describe('previousPeriod', () => {
  test('the window of the same length just before', () => {
    const { from, to } = previousPeriod(new Date('2024-03-08T00:00:00Z'), new Date('2024-03-15T00:00:00Z'));
    expect([from.toISOString(), to.toISOString()]).toEqual([
      '2024-03-01T00:00:00.000Z',
      '2024-03-08T00:00:00.000Z',
    ]);
  });

  test('lengths are absolute time: the 23-hour spring-forward day is compared with the 23 hours before it', () => {
    const { from } = previousPeriod(new Date('2024-03-30T23:00:00Z'), new Date('2024-03-31T22:00:00Z'));
    expect(from.toISOString()).toBe('2024-03-30T00:00:00.000Z');
  });

  test('an empty window', () => {
    const { from, to } = previousPeriod(new Date('2024-03-08T00:00:00Z'), new Date('2024-03-08T00:00:00Z'));
    expect(from.getTime()).toBe(to.getTime());
  });

  test('a reversed or invalid range throws E_RANGE_INVALID', () => {
    expect(() => previousPeriod(new Date('2024-03-08'), new Date('2024-03-01'))).toThrow(
      expect.objectContaining({ code: 'E_RANGE_INVALID' }),
    );
    expect(() => previousPeriod(new Date('nope'), new Date('2024-03-01'))).toThrow(
      expect.objectContaining({ code: 'E_RANGE_INVALID' }),
    );
  });
});
