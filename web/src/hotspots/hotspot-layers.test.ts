import { describe, expect, test } from 'vitest';
import type { EmergingCell, HotspotMapCell } from '../api/types';
import { emergingStyle } from './emerging-classes';
import { giColor } from './gi-palette';
import {
  EMERGING_GLYPH_LAYER_ID,
  EMERGING_LAYER_ID,
  emergingGlyphProps,
  emergingGlyphs,
  emergingLayerProps,
  GI_LAYER_ID,
  giLayerProps,
} from './hotspot-layers';

type Accessor<T, R> = (item: T) => R;

const emerging = (h3: string, name: EmergingCell['class']): EmergingCell => ({
  h3,
  class: name,
  trend: { z: 0, p: 1 },
  bins: [],
});

describe('hotspot layers', () => {
  test('Gi* cells are filled with the colour of their bin, picked by cell', () => {
    const cells: HotspotMapCell[] = [
      { h3: '881e031b3bfffff', bin: 3, count: 40, z: 4.2 },
      { h3: '881e031b39fffff', bin: 0 },
      { h3: '881e031b31fffff', bin: -2 },
    ];
    const props = giLayerProps(cells);
    expect(props.id).toBe(GI_LAYER_ID);
    expect(props.pickable).toBe(true);
    const fill = props.getFillColor as unknown as Accessor<HotspotMapCell, number[]>;
    expect(cells.map(fill)).toEqual([giColor(3), giColor(0), giColor(-2)]);
    expect((props.getHexagon as Accessor<HotspotMapCell, string>)(cells[0] as HotspotMapCell)).toBe(
      '881e031b3bfffff',
    );
  });

  test('emerging cells are filled with their class colour; a glyph marks every cell with a pattern', () => {
    const cells = [
      emerging('881e031b3bfffff', 'new-hot'),
      emerging('881e031b39fffff', 'no-pattern'),
      emerging('881e031b31fffff', 'persistent-cold'),
    ];
    const props = emergingLayerProps(cells);
    expect(props.id).toBe(EMERGING_LAYER_ID);
    const fill = props.getFillColor as unknown as Accessor<EmergingCell, number[]>;
    expect(fill(cells[0] as EmergingCell)).toEqual(emergingStyle('new-hot').color);

    const glyphs = emergingGlyphs(cells);
    expect(glyphs.map((glyph) => glyph.glyph)).toEqual(['★', '□']);
    // At the cell's centre (lon, lat), inside Budapest.
    expect(glyphs[0]?.position[0]).toBeCloseTo(19.05, 0);
    expect(glyphs[0]?.position[1]).toBeCloseTo(47.5, 0);
    // White on the dark red of "new", dark on the light colours.
    expect(glyphs[0]?.color).toEqual([255, 255, 255, 255]);
    const text = emergingGlyphProps(glyphs);
    expect(text.id).toBe(EMERGING_GLYPH_LAYER_ID);
    expect(text.characterSet).toContain('★');
    expect(text.characterSet).toContain('□');
  });
});
