import { describe, expect, test } from 'vitest';
import { isAnswerDue } from './is-answer-due';

const createdAt = new Date('2024-03-01T10:00:00Z');

describe('isAnswerDue', () => {
  test('an answered message is due, even a fresh one', () => {
    expect(
      isAnswerDue(
        { createdAt, answeredAt: new Date('2024-03-01T10:05:00Z') },
        new Date('2024-03-01T10:06:00Z'),
      ),
    ).toBe(true);
  });

  test('an unanswered message becomes due once it can no longer be answered in time', () => {
    expect(isAnswerDue({ createdAt, answeredAt: null }, new Date('2024-03-02T10:00:59Z'))).toBe(false);
    expect(isAnswerDue({ createdAt, answeredAt: null }, new Date('2024-03-02T10:01:00Z'))).toBe(true);
  });

  test('a message from after `now` is not due', () => {
    expect(
      isAnswerDue({ createdAt, answeredAt: null }, new Date('2024-02-01T00:00:00Z'), { limitMinutes: 0 }),
    ).toBe(false);
  });
});
