import { describe, expect, test } from 'vitest';
import { ConfigError } from '../config/config-error';
import { loadAuthConfig } from './auth-config';

describe('loadAuthConfig', () => {
  test('defaults: public map on, 12-hour sessions, Secure cookies only in production', () => {
    expect(loadAuthConfig({})).toEqual({ publicMap: true, sessionTtlHours: 12, cookieSecure: false });
    expect(loadAuthConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
  });
  test('reads the three settings', () => {
    expect(
      loadAuthConfig({
        HEATMAP_PUBLIC_MAP: 'off',
        HEATMAP_SESSION_TTL_HOURS: '1.5',
        HEATMAP_COOKIE_SECURE: 'true',
      }),
    ).toEqual({ publicMap: false, sessionTtlHours: 1.5, cookieSecure: true });
    expect(loadAuthConfig({ NODE_ENV: 'production', HEATMAP_COOKIE_SECURE: '0' }).cookieSecure).toBe(false);
  });
  test('takes every documented spelling of on and off; empty means the default', () => {
    for (const on of ['on', 'ON', 'true', '1', 'yes', ' yes ']) {
      expect(loadAuthConfig({ HEATMAP_COOKIE_SECURE: on }).cookieSecure, on).toBe(true);
    }
    for (const off of ['off', 'false', '0', 'no', 'No']) {
      expect(loadAuthConfig({ HEATMAP_PUBLIC_MAP: off }).publicMap, off).toBe(false);
    }
    expect(loadAuthConfig({ HEATMAP_PUBLIC_MAP: '', HEATMAP_COOKIE_SECURE: '' })).toMatchObject({
      publicMap: true,
      cookieSecure: false,
    });
  });
  test('refuses values it cannot read, naming the setting', () => {
    expect(() => loadAuthConfig({ HEATMAP_PUBLIC_MAP: 'maybe' })).toThrow(ConfigError);
    expect(() => loadAuthConfig({ HEATMAP_SESSION_TTL_HOURS: '0' })).toThrow(/HEATMAP_SESSION_TTL_HOURS/);
    expect(() => loadAuthConfig({ HEATMAP_SESSION_TTL_HOURS: 'ten' })).toThrow(ConfigError);
    expect(() => loadAuthConfig({ HEATMAP_SESSION_TTL_HOURS: '10000' })).toThrow(ConfigError);
  });
});
