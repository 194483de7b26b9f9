import { describe, expect, test } from 'vitest';
import { loadBasemapConfig } from './basemap-config';

describe('loadBasemapConfig', () => {
  test('unset: no basemap, labels in the region language', () =>
    expect(loadBasemapConfig({}, 'Europe/Budapest')).toEqual({
      file: undefined,
      lang: 'hu',
      styleUrl: undefined,
    }));
  test('a region without a known language reads English', () =>
    expect(loadBasemapConfig({}, 'America/Chicago').lang).toBe('en'));
  test('HEATMAP_BASEMAP_LANG wins; a file path is made absolute', () => {
    const config = loadBasemapConfig(
      { HEATMAP_BASEMAP: 'region.pmtiles', HEATMAP_BASEMAP_LANG: 'ru' },
      'Europe/Budapest',
    );
    expect(config.lang).toBe('ru');
    expect(config.file).toMatch(/^\/.*\/region\.pmtiles$/);
  });
  test('a language that is not a code, or a style that is not an http(s) URL, is refused by name', () => {
    expect(() => loadBasemapConfig({ HEATMAP_BASEMAP_LANG: 'Hungarian!' }, 'UTC')).toThrow(
      /HEATMAP_BASEMAP_LANG/,
    );
    expect(() => loadBasemapConfig({ HEATMAP_BASEMAP_STYLE: 'style.json' }, 'UTC')).toThrow(
      /HEATMAP_BASEMAP_STYLE/,
    );
  });
});
