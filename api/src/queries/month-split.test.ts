import { describe, expect, test } from 'vitest';
import { splitByCalendar, splitByDay, splitByMonth, splitByYear } from './month-split';

const TZ = 'Europe/Budapest';
const at = (iso: string) => new Date(iso);

describe('splitByMonth', () => {
  test('whole local months need no raw edge', () => {
    // 2024-06-01 00:00 Budapest is 2024-05-31 22:00 UTC (summer time).
    expect(splitByMonth({ from: at('2024-05-31T22:00:00Z'), to: at('2024-07-31T22:00:00Z') }, TZ)).toEqual({
      months: { fromMonth: '2024-06-01', toMonth: '2024-08-01' },
      edges: [],
    });
  });

  test('partial months at both ends become raw edges', () => {
    const from = at('2024-03-15T11:00:00Z');
    const to = at('2024-05-02T00:00:00Z');
    expect(splitByMonth({ from, to }, TZ)).toEqual({
      months: { fromMonth: '2024-04-01', toMonth: '2024-05-01' },
      edges: [
        { from, to: at('2024-03-31T22:00:00Z') },
        { from: at('2024-04-30T22:00:00Z'), to },
      ],
    });
  });

  test('a window inside one month is raw only', () => {
    const window = { from: at('2024-03-02T00:00:00Z'), to: at('2024-03-20T00:00:00Z') };
    expect(splitByMonth(window, TZ)).toEqual({ months: null, edges: [window] });
  });

  test('a window across one month boundary without a whole month is raw only', () => {
    const window = { from: at('2024-03-20T00:00:00Z'), to: at('2024-04-10T00:00:00Z') };
    expect(splitByMonth(window, TZ)).toEqual({ months: null, edges: [window] });
  });

  test('unbounded ends stay unbounded', () => {
    expect(splitByMonth({}, TZ)).toEqual({ months: {}, edges: [] });
    const to = at('2024-05-02T00:00:00Z');
    expect(splitByMonth({ to }, TZ)).toEqual({
      months: { toMonth: '2024-05-01' },
      edges: [{ from: at('2024-04-30T22:00:00Z'), to }],
    });
  });
});

describe('splitByCalendar', () => {
  test('whole years, then whole months, then raw edges', () => {
    const from = at('2023-11-15T10:00:00Z');
    const to = at('2025-02-10T00:00:00Z');
    expect(splitByCalendar({ from, to }, TZ)).toEqual({
      years: { fromYear: '2024-01-01', toYear: '2025-01-01' },
      months: [
        { fromMonth: '2023-12-01', toMonth: '2024-01-01' },
        { fromMonth: '2025-01-01', toMonth: '2025-02-01' },
      ],
      edges: [
        { from, to: at('2023-11-30T23:00:00Z') },
        { from: at('2025-01-31T23:00:00Z'), to },
      ],
    });
  });

  test('unbounded: every year from the year pre-aggregate', () => {
    expect(splitByCalendar({}, TZ)).toEqual({ years: {}, months: [], edges: [] });
  });

  test('no whole year: the month split of the whole window', () => {
    const window = { from: at('2024-03-14T23:00:00Z'), to: at('2024-08-19T22:00:00Z') };
    expect(splitByCalendar(window, TZ)).toEqual({ years: null, ...toList(splitByMonth(window, TZ)) });
  });
});

describe('splitByYear', () => {
  test('whole years, and the rest of the window raw, months and all', () => {
    const from = at('2023-11-15T10:00:00Z');
    const to = at('2025-02-10T00:00:00Z');
    expect(splitByYear({ from, to }, TZ)).toEqual({
      years: { fromYear: '2024-01-01', toYear: '2025-01-01' },
      months: [],
      edges: [
        { from, to: at('2023-12-31T23:00:00Z') },
        { from: at('2024-12-31T23:00:00Z'), to },
      ],
    });
  });

  test('no whole year: the whole window raw; unbounded: every year', () => {
    const window = { from: at('2024-03-14T23:00:00Z'), to: at('2024-08-19T22:00:00Z') };
    expect(splitByYear(window, TZ)).toEqual({ years: null, months: [], edges: [window] });
    expect(splitByYear({}, TZ)).toEqual({ years: {}, months: [], edges: [] });
  });
});

function toList(split: ReturnType<typeof splitByMonth>) {
  return { months: split.months ? [split.months] : [], edges: split.edges };
}

describe('splitByDay', () => {
  test('a partial month between local midnights is whole days only', () => {
    // 2025-03-15 00:00 and 2025-04-01 00:00 Budapest: winter time, then summer time from 30 March.
    expect(splitByDay({ from: at('2025-03-14T23:00:00Z'), to: at('2025-03-31T22:00:00Z') }, TZ)).toEqual({
      days: { fromDay: '2025-03-15', toDay: '2025-04-01' },
      edges: [],
    });
  });

  test('parts of a day at the ends become raw edges', () => {
    const from = at('2025-03-15T10:30:00Z');
    const to = at('2025-03-20T05:00:00Z');
    expect(splitByDay({ from, to }, TZ)).toEqual({
      days: { fromDay: '2025-03-16', toDay: '2025-03-20' },
      edges: [
        { from, to: at('2025-03-15T23:00:00Z') },
        { from: at('2025-03-19T23:00:00Z'), to },
      ],
    });
  });

  test('a window inside one day is raw only', () => {
    const window = { from: at('2025-03-15T10:00:00Z'), to: at('2025-03-15T12:00:00Z') };
    expect(splitByDay(window, TZ)).toEqual({ days: null, edges: [window] });
  });
});
