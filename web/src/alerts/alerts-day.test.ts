import { describe, expect, test } from 'vitest';
import { latestAlertDay } from './alerts-day';

const ZONE = 'Europe/Budapest';

describe('latestAlertDay', () => {
  test('the local day of the newest message, in the region zone', () => {
    // 22:30 UTC on 12 June is 00:30 on 13 June in Budapest (UTC+2).
    expect(latestAlertDay({ timezone: ZONE, extent: { to: '2024-06-12T22:30:00Z' } }, 0)).toBe('2024-06-13');
    expect(latestAlertDay({ timezone: ZONE, extent: { to: '2024-06-12T21:30:00Z' } }, 0)).toBe('2024-06-12');
  });

  test('without messages: today in the region zone', () => {
    expect(latestAlertDay({ timezone: ZONE, extent: { to: null } }, Date.parse('2024-12-31T23:30:00Z'))).toBe(
      '2025-01-01',
    );
  });
});
