import { describe, expect, test } from 'vitest';
import { elapsedMinutes } from './elapsed-minutes';

const at = (iso: string) => new Date(iso);

describe('elapsedMinutes', () => {
  test('rounds down to whole minutes', () => {
    expect(elapsedMinutes(at('2024-03-01T10:00:00Z'), at('2024-03-01T10:59:59.999Z'))).toBe(59);
    expect(elapsedMinutes(at('2024-03-01T10:00:00Z'), at('2024-03-01T11:00:00Z'))).toBe(60);
  });

  test('local midnights across the spring-forward change are 23 hours apart', () => {
    expect(elapsedMinutes(at('2024-03-30T23:00:00Z'), at('2024-03-31T22:00:00Z'))).toBe(23 * 60);
  });

  test('a negative span counts as 0', () => {
    expect(elapsedMinutes(at('2024-03-01T10:00:00Z'), at('2024-03-01T09:00:00Z'))).toBe(0);
  });
});
