import { describe, expect, test } from 'vitest';
import { addDays, wallWindows } from './wall-windows';

describe('addDays', () => {
  test('crosses month and year ends and the spring daylight-saving change', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
  });
});

describe('wallWindows', () => {
  test('today is the local date in the region, not in UTC', () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in Budapest (UTC+1).
    const windows = wallWindows(Date.parse('2025-12-31T23:30:00Z'), 'Europe/Budapest', 7);
    expect(windows.today).toEqual({ from: '2026-01-01', to: '2026-01-02' });
    expect(windows.recent).toEqual({ from: '2025-12-26', to: '2026-01-02' });
    expect(windows.playback).toEqual({ from: '2025-12-26', to: '2026-01-02' });
  });

  test('an anchor date replaces the clock; the window length follows the setting', () => {
    const windows = wallWindows(Date.parse('2026-11-23T12:00:00Z'), 'Europe/Budapest', 14, '2025-09-30');
    expect(windows.today).toEqual({ from: '2025-09-30', to: '2025-10-01' });
    expect(windows.recent).toEqual({ from: '2025-09-17', to: '2025-10-01' });
    expect(windows.playback.from).toBe('2025-09-24');
  });
});
