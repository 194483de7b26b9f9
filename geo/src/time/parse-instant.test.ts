import { describe, expect, test } from 'vitest';
import { parseInstant } from './parse-instant';

const B = 'Europe/Budapest';
const parse = (value: string, zone = B) => parseInstant(value, zone).toISOString();

describe('parseInstant', () => {
  test('a date is local midnight in the zone', () => {
    expect(parse('2024-03-31')).toBe('2024-03-30T23:00:00.000Z');
    expect(parse('2024-03-31', 'Asia/Yakutsk')).toBe('2024-03-30T15:00:00.000Z');
  });

  test('a naive date-time is wall time in the zone', () => {
    expect(parse('2024-07-01T12:00')).toBe('2024-07-01T10:00:00.000Z');
    expect(parse('2024-07-01 12:00:30')).toBe('2024-07-01T10:00:30.000Z');
  });

  test('a naive time inside the spring-forward gap lands after the gap', () => {
    expect(parse('2024-03-31T02:30')).toBe('2024-03-31T01:30:00.000Z');
  });

  test('a naive time inside the fall-back overlap is the first (summer-time) reading', () => {
    expect(parse('2024-10-27T02:30')).toBe('2024-10-27T00:30:00.000Z');
  });

  test('Z and offsets are exact instants, whatever the zone', () => {
    expect(parse('2024-03-31T10:00:00Z', 'Asia/Yakutsk')).toBe('2024-03-31T10:00:00.000Z');
    expect(parse('2024-03-31T10:00:00+02:00')).toBe('2024-03-31T08:00:00.000Z');
    expect(parse('2024-03-31T10:00:00-0330')).toBe('2024-03-31T13:30:00.000Z');
    expect(parse('2024-03-31T10:00+09')).toBe('2024-03-31T01:00:00.000Z');
  });

  test('fractions of a second are kept to the millisecond, truncated', () => {
    expect(parse('2024-03-31T10:00:00.123456Z')).toBe('2024-03-31T10:00:00.123Z');
    expect(parse('2024-03-31T10:00:00.5Z')).toBe('2024-03-31T10:00:00.500Z');
  });

  test.each([
    '',
    '2024-1-1',
    '2024-02-30',
    '2023-02-29',
    '2024-13-01',
    '2024-03-31T24:00',
    '2024-03-31T10:60',
    '2024-03-31T10:00:60Z',
    '2024-03-31T10:00:00+24:00',
    '2024-03-31Z',
    '31.03.2024',
    '1711843200000',
    '2024-03-31T10:00:00 02:00',
  ])('"%s" throws E_DATE_INVALID', (value) => {
    expect(() => parseInstant(value, B)).toThrow(expect.objectContaining({ code: 'E_DATE_INVALID' }));
  });

  test('an unknown zone throws E_TIMEZONE_INVALID, even with an explicit offset', () => {
    expect(() => parseInstant('2024-03-31T10:00:00Z', 'Mars/Olympus')).toThrow(
      expect.objectContaining({ code: 'E_TIMEZONE_INVALID' }),
    );
  });
});
