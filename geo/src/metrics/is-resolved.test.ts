import { describe, expect, test } from 'vitest';
import { isResolved } from './is-resolved';

describe('isResolved', () => {
  test('has a resolution time', () => {
    expect(isResolved({ resolvedAt: new Date('2024-03-02T10:00:00Z') })).toBe(true);
    expect(isResolved({ resolvedAt: null })).toBe(false);
  });
});
