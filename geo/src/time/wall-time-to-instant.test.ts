import { describe, expect, test } from 'vitest';
import { wallTimeToInstant } from './wall-time-to-instant';

const B = 'Europe/Budapest';
const springGap = { year: 2024, month: 3, day: 31, hour: 2, minute: 30 };
const fallOverlap = { year: 2024, month: 10, day: 27, hour: 2, minute: 30 };

describe('wallTimeToInstant', () => {
  test('an ordinary wall time', () => {
    expect(wallTimeToInstant({ year: 2024, month: 7, day: 1, hour: 12 }, B).toISOString()).toBe(
      '2024-07-01T10:00:00.000Z',
    );
  });

  test('spring-forward gap, compatible: 02:30 becomes 03:30 CEST', () => {
    expect(wallTimeToInstant(springGap, B).toISOString()).toBe('2024-03-31T01:30:00.000Z');
  });

  test('spring-forward gap, earlier: 01:30 CET', () => {
    expect(wallTimeToInstant(springGap, B, { disambiguation: 'earlier' }).toISOString()).toBe(
      '2024-03-31T00:30:00.000Z',
    );
  });

  test('spring-forward gap, later: 03:30 CEST', () => {
    expect(wallTimeToInstant(springGap, B, { disambiguation: 'later' }).toISOString()).toBe(
      '2024-03-31T01:30:00.000Z',
    );
  });

  test('fall-back overlap, compatible and earlier: the first 02:30 (CEST)', () => {
    expect(wallTimeToInstant(fallOverlap, B).toISOString()).toBe('2024-10-27T00:30:00.000Z');
    expect(wallTimeToInstant(fallOverlap, B, { disambiguation: 'earlier' }).toISOString()).toBe(
      '2024-10-27T00:30:00.000Z',
    );
  });

  test('fall-back overlap, later: the second 02:30 (CET)', () => {
    expect(wallTimeToInstant(fallOverlap, B, { disambiguation: 'later' }).toISOString()).toBe(
      '2024-10-27T01:30:00.000Z',
    );
  });

  test('Yakutsk is UTC+9 with no DST', () => {
    expect(
      wallTimeToInstant({ year: 2024, month: 3, day: 31, hour: 2, minute: 30 }, 'Asia/Yakutsk').toISOString(),
    ).toBe('2024-03-30T17:30:00.000Z');
  });

  test('an unknown zone throws E_TIMEZONE_INVALID', () => {
    expect(() => wallTimeToInstant({ year: 2024, month: 1, day: 1 }, 'Europe/Atlantis')).toThrow(
      expect.objectContaining({ code: 'E_TIMEZONE_INVALID' }),
    );
  });
});
