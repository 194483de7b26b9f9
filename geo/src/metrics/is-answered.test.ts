import { describe, expect, test } from 'vitest';
import { isAnswered } from './is-answered';

describe('isAnswered', () => {
  test('has a first answer', () => {
    expect(isAnswered({ answeredAt: new Date('2024-03-02T10:00:00Z') })).toBe(true);
    expect(isAnswered({ answeredAt: null })).toBe(false);
  });
});
