import { parseInstant } from '@heatmap/geo';
import { describe, expect, test } from 'vitest';
import { parseTimestamp } from './parse-timestamp';

const iso = (v: unknown, tz = 'Europe/Budapest') => parseTimestamp(v, tz)?.toISOString();

describe('parseTimestamp', () => {
  test('a date alone is local midnight in the zone', () => {
    expect(iso('2024-01-15')).toBe('2024-01-14T23:00:00.000Z');
    expect(iso('2024-07-15')).toBe('2024-07-14T22:00:00.000Z');
  });
  test('naive date-time in UTC+9 (Amur)', () => {
    expect(iso('2024-03-01 00:30', 'Asia/Yakutsk')).toBe('2024-02-29T15:30:00.000Z');
  });
  test('an explicit zone wins over the region zone', () => {
    expect(iso('2024-03-01T10:00:00Z')).toBe('2024-03-01T10:00:00.000Z');
    expect(iso('2024-03-01T10:00:00+03:00')).toBe('2024-03-01T07:00:00.000Z');
    expect(iso('2024-03-01T10:00:00.5-0130')).toBe('2024-03-01T11:30:00.500Z');
  });
  test('the day after a spring-forward change', () => {
    expect(iso('2024-03-31T12:00')).toBe('2024-03-31T10:00:00.000Z');
    expect(iso('2024-03-30T12:00')).toBe('2024-03-30T11:00:00.000Z');
  });
  test('epoch milliseconds', () => {
    expect(iso(1_700_000_000_000)).toBe('2023-11-14T22:13:20.000Z');
  });
  test('junk and impossible dates are undefined', () => {
    for (const bad of [
      '2024-02-30',
      '2024-13-01',
      '2024-01-01 25:00',
      'yesterday',
      '',
      '01/02/2024',
      null,
      {},
    ]) {
      expect(parseTimestamp(bad, 'Europe/Budapest')).toBeUndefined();
    }
  });
});

describe('parseTimestamp reads a wall time that a DST change makes ambiguous as geo does (Temporal "compatible")', () => {
  test.each([
    // Spring forward (02:00 -> 03:00): 02:30 does not exist; read after the gap, as 03:30 CEST.
    ['2024-03-31T02:30', '2024-03-31T01:30:00.000Z'],
    ['2024-03-31T02:00', '2024-03-31T01:00:00.000Z'],
    // Fall back (03:00 -> 02:00): 02:30 happens twice; the earlier, still CEST.
    ['2024-10-27T02:30', '2024-10-27T00:30:00.000Z'],
    ['2024-10-27T02:00', '2024-10-27T00:00:00.000Z'],
    ['2024-10-27T03:00', '2024-10-27T02:00:00.000Z'],
  ])('%s in Europe/Budapest is %s, the instant parseInstant gives', (wall, expected) => {
    expect(iso(wall)).toBe(expected);
    expect(parseInstant(wall, 'Europe/Budapest').toISOString()).toBe(expected);
  });

  test('offsets past 23:59 are not offsets', () => {
    for (const bad of [
      '2024-06-01T10:00:00+25:00',
      '2024-06-01T10:00:00+99:99',
      '2024-06-01T10:00:00-12:60',
    ]) {
      expect(parseTimestamp(bad, 'Europe/Budapest')).toBeUndefined();
    }
  });
});
