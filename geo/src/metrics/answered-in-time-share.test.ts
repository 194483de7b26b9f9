import { describe, expect, test } from 'vitest';
import { answeredInTimeShare } from './answered-in-time-share';

const now = new Date('2024-03-10T12:00:00Z');
const createdAt = new Date('2024-03-01T10:00:00Z');

describe('answeredInTimeShare', () => {
  test('in time / (answered + overdue); fresh unanswered messages are left out', () => {
    const messages = [
      { createdAt, answeredAt: new Date('2024-03-01T12:00:00Z') }, // in time
      { createdAt, answeredAt: new Date('2024-03-05T12:00:00Z') }, // late
      { createdAt, answeredAt: null }, // overdue
      { createdAt: new Date('2024-03-10T11:00:00Z'), answeredAt: null }, // not due yet
    ];
    expect(answeredInTimeShare(messages, { now })).toBe(1 / 3);
  });

  test('a longer limit changes the share', () => {
    const messages = [{ createdAt, answeredAt: new Date('2024-03-03T10:00:00Z') }];
    expect(answeredInTimeShare(messages, { now })).toBe(0);
    expect(answeredInTimeShare(messages, { now, limitMinutes: 3 * 1440 })).toBe(1);
  });

  test('nothing due: null', () => {
    expect(answeredInTimeShare([], { now })).toBeNull();
    expect(answeredInTimeShare([{ createdAt: now, answeredAt: null }], { now })).toBeNull();
  });
});
