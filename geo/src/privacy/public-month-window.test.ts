import { describe, expect, test } from 'vitest';
import { previousMonthWindow, publicMonthWindow } from './public-month-window';

describe('publicMonthWindow', () => {
  test('rounds outward to whole months', () => {
    expect(publicMonthWindow({ from: '2024-03-15', to: '2024-04-10' })).toEqual({
      from: '2024-03-01',
      to: '2024-05-01',
    });
  });

  test('an aligned window stays as it is', () => {
    expect(publicMonthWindow({ from: '2024-03-01', to: '2024-04-01' })).toEqual({
      from: '2024-03-01',
      to: '2024-04-01',
    });
  });

  test('windows one day apart give the same window', () => {
    expect(publicMonthWindow({ from: '2024-03-07', to: '2024-05-01' })).toEqual(
      publicMonthWindow({ from: '2024-03-08', to: '2024-05-01' }),
    );
  });

  test('a to in December rolls into January; leap day', () => {
    expect(publicMonthWindow({ from: '2024-02-29', to: '2024-12-02' })).toEqual({
      from: '2024-02-01',
      to: '2025-01-01',
    });
  });

  test('open ends stay open', () => {
    expect(publicMonthWindow({})).toEqual({});
    expect(publicMonthWindow({ to: '2024-03-31' })).toEqual({ to: '2024-04-01' });
    expect(publicMonthWindow({ from: '2024-03-31' })).toEqual({ from: '2024-03-01' });
  });

  test('not a date: E_DATE_INVALID', () => {
    expect(() => publicMonthWindow({ from: '2024-03-01T10:00:00Z' })).toThrow(
      expect.objectContaining({ code: 'E_DATE_INVALID' }),
    );
    expect(() => publicMonthWindow({ to: '2024-13-01' })).toThrow(
      expect.objectContaining({ code: 'E_DATE_INVALID' }),
    );
  });
});

describe('previousMonthWindow', () => {
  test('as many whole months just before', () => {
    expect(previousMonthWindow({ from: '2024-03-01', to: '2024-04-01' })).toEqual({
      from: '2024-02-01',
      to: '2024-03-01',
    });
    expect(previousMonthWindow({ from: '2024-02-01', to: '2024-05-01' })).toEqual({
      from: '2023-11-01',
      to: '2024-02-01',
    });
  });

  test('an empty window has an empty previous one', () => {
    expect(previousMonthWindow({ from: '2024-03-01', to: '2024-03-01' })).toEqual({
      from: '2024-03-01',
      to: '2024-03-01',
    });
  });
});
