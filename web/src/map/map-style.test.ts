import type { StyleSpecification } from 'maplibre-gl';
import { describe, expect, test } from 'vitest';
import { mapStyle } from './map-style';

const districts = { type: 'FeatureCollection' as const, features: [] };
const offline = () => 'offline';
const pmtiles = {
  kind: 'pmtiles' as const,
  url: '/basemap/region.pmtiles',
  lang: 'hu',
  attribution: '© OpenStreetMap contributors (ODbL)',
};

describe('mapStyle', () => {
  test('no server basemap: the screen offline style', () =>
    expect(mapStyle(null, 'light', districts, offline)).toBe('offline'));

  test('an opted-in external style: its URL', () =>
    expect(
      mapStyle({ kind: 'style', url: 'https://tiles.example/style.json' }, 'light', districts, offline),
    ).toBe('https://tiles.example/style.json'));

  test('the archive: read by the pmtiles protocol from our origin, with no glyph server, sprite or icon', () => {
    const style = mapStyle(pmtiles, 'dark', districts, offline) as StyleSpecification;
    expect(style.sources.streets).toMatchObject({
      type: 'vector',
      url: `pmtiles://${location.origin}/basemap/region.pmtiles`,
      attribution: pmtiles.attribution,
    });
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    expect(
      style.layers.some((layer) => 'layout' in layer && layer.layout && 'icon-image' in layer.layout),
    ).toBe(false);
    // Street names in the configured language, the district outlines on top.
    expect(JSON.stringify(style.layers)).toContain('name:hu');
    expect(style.layers.at(-1)?.id).toBe('district-outline');
  });
});
