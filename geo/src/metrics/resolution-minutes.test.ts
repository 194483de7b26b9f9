import { describe, expect, test } from 'vitest';
import { resolutionMinutes } from './resolution-minutes';

describe('resolutionMinutes', () => {
  test('minutes to the resolution', () => {
    expect(
      resolutionMinutes({
        createdAt: new Date('2024-03-01T10:00:00Z'),
        resolvedAt: new Date('2024-03-03T10:00:00Z'),
      }),
    ).toBe(2880);
  });

  test('null while unresolved', () => {
    expect(resolutionMinutes({ createdAt: new Date('2024-03-01T10:00:00Z'), resolvedAt: null })).toBeNull();
  });
});
