import { describe, expect, test } from 'vitest';
import { isAnsweredInTime } from './is-answered-in-time';

const createdAt = new Date('2024-03-01T10:00:00Z');

describe('isAnsweredInTime', () => {
  test('exactly 24 hours is in time, 24 h 1 min is late', () => {
    expect(isAnsweredInTime({ createdAt, answeredAt: new Date('2024-03-02T10:00:59Z') })).toBe(true);
    expect(isAnsweredInTime({ createdAt, answeredAt: new Date('2024-03-02T10:01:00Z') })).toBe(false);
  });

  test('unanswered is not in time', () => {
    expect(isAnsweredInTime({ createdAt, answeredAt: null })).toBe(false);
  });

  test('a limit of its own', () => {
    const answeredAt = new Date('2024-03-01T14:00:00Z');
    expect(isAnsweredInTime({ createdAt, answeredAt }, { limitMinutes: 240 })).toBe(true);
    expect(isAnsweredInTime({ createdAt, answeredAt }, { limitMinutes: 239 })).toBe(false);
  });
});
