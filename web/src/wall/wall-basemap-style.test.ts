import { describe, expect, test } from 'vitest';
import { wallBasemapStyle } from './wall-basemap-style';

describe('wallBasemapStyle', () => {
  test('keeps the offline layers and sources but paints them dark', () => {
    const style = wallBasemapStyle({ type: 'FeatureCollection', features: [] });
    expect(style.layers.map((layer) => layer.id)).toEqual([
      'background',
      'district-fill',
      'district-outline',
    ]);
    const background = style.layers[0];
    expect(background?.type === 'background' && background.paint?.['background-color']).toBe('#05070c');
    expect(Object.keys(style.sources)).toEqual(['districts']);
  });
});
