import { describe, expect, test } from 'vitest';
import { answerMinutes } from './answer-minutes';

describe('answerMinutes', () => {
  test('minutes to the first answer', () => {
    expect(
      answerMinutes({
        createdAt: new Date('2024-03-01T10:00:00Z'),
        answeredAt: new Date('2024-03-01T13:30:40Z'),
      }),
    ).toBe(210);
  });

  test('null while unanswered', () => {
    expect(answerMinutes({ createdAt: new Date('2024-03-01T10:00:00Z'), answeredAt: null })).toBeNull();
  });
});
