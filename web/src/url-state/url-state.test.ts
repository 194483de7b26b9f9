import { describe, expect, test } from 'vitest';
import { DEFAULT_URL_STATE, formatUrlState, parseUrlState, type UrlState } from './url-state';

describe('url state', () => {
  test('round-trips every field', () => {
    const state: UrlState = {
      lat: 47.49791,
      lon: 19.04023,
      z: 11.5,
      from: '2024-03-01',
      to: '2024-04-01',
      cat: ['Úthiba', 'Köztisztaság'],
      src: ['jarokelo'],
      status: ['new', 'in_progress'],
      district: ['XII. kerület'],
      metric: 'medianAnswer',
      mode: 'districts',
      win: 'week',
      cumulative: true,
      extrude: true,
      cell: '881e031b3bfffff',
      lang: 'en',
    };
    expect(parseUrlState(formatUrlState(state))).toEqual(state);
  });

  test('the hotspot modes have their own links: mode=gi and mode=emerging', () => {
    expect(parseUrlState('?mode=gi').mode).toBe('gi');
    expect(parseUrlState('?mode=emerging').mode).toBe('emerging');
    expect(formatUrlState({ ...DEFAULT_URL_STATE, mode: 'gi' })).toBe('?mode=gi');
    expect(parseUrlState('?mode=nonsense').mode).toBe('hexagons');
  });

  test('the default state is an empty query', () => {
    expect(formatUrlState(DEFAULT_URL_STATE)).toBe('');
    expect(parseUrlState('')).toEqual(DEFAULT_URL_STATE);
  });

  test('lists keep their commas readable in the link', () => {
    expect(formatUrlState({ ...DEFAULT_URL_STATE, status: ['new', 'answered'] })).toBe(
      '?status=new,answered',
    );
  });

  test('malformed values fall back to the default', () => {
    const state = parseUrlState('?lat=abc&lon=19&z=99&metric=bogus&cell=not-a-cell&from=yesterday&win=year');
    expect(state).toEqual(DEFAULT_URL_STATE);
  });

  test('a cell id is read case-insensitively', () => {
    expect(parseUrlState('?cell=881E031B3BFFFFF').cell).toBe('881e031b3bfffff');
  });

  test('datetimes with an offset are kept as given', () => {
    expect(parseUrlState('?from=2024-03-31T02:00:00%2B02:00').from).toBe('2024-03-31T02:00:00+02:00');
  });
});
