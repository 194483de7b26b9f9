import type { H3HexagonLayerProps } from '@deck.gl/geo-layers';
import type { TextLayerProps } from '@deck.gl/layers';
import { cellToLatLng } from 'h3-js';
import type { EmergingCell, HotspotMapCell } from '../api/types';
import { EMERGING_GLYPHS, emergingStyle, glyphColor } from './emerging-classes';
import { giColor, type Rgba } from './gi-palette';

export const GI_LAYER_ID = 'hotspot-bins';
export const EMERGING_LAYER_ID = 'emerging-classes';
export const EMERGING_GLYPH_LAYER_ID = 'emerging-glyphs';

/** The flat cell fill both modes share: every cell of the answer, coloured by an accessor on the cell itself. */
function cellFill<T extends { h3: string }>(
  id: string,
  cells: readonly T[],
  color: (cell: T) => Rgba,
): H3HexagonLayerProps<T> {
  return {
    id,
    data: cells,
    getHexagon: (cell: T) => cell.h3,
    pickable: true,
    filled: true,
    stroked: false,
    extruded: false,
    highPrecision: 'auto',
    coverage: 0.92,
    material: false,
    getFillColor: color,
  };
}

/** Gi* cells coloured by bin (gi-palette); the data is the answer's cell list, so a new answer redraws. */
export function giLayerProps(cells: readonly HotspotMapCell[]): H3HexagonLayerProps<HotspotMapCell> {
  return cellFill(GI_LAYER_ID, cells, (cell) => giColor(cell.bin));
}

export function emergingLayerProps(cells: readonly EmergingCell[]): H3HexagonLayerProps<EmergingCell> {
  return cellFill(EMERGING_LAYER_ID, cells, (cell) => emergingStyle(cell.class).color);
}

export interface EmergingGlyph {
  position: [number, number];
  glyph: string;
  color: Rgba;
}

/** The class glyph at the centre of every cell with a pattern (not "no pattern"): the class without colour. */
export function emergingGlyphs(cells: readonly EmergingCell[]): EmergingGlyph[] {
  return cells.flatMap((cell) => {
    const style = emergingStyle(cell.class);
    if (style.glyph === '') return [];
    const [lat, lon] = cellToLatLng(cell.h3);
    return [{ position: [lon, lat] as [number, number], glyph: style.glyph, color: glyphColor(style.color) }];
  });
}

export function emergingGlyphProps(glyphs: readonly EmergingGlyph[]): TextLayerProps<EmergingGlyph> {
  return {
    id: EMERGING_GLYPH_LAYER_ID,
    data: glyphs,
    getPosition: (glyph) => glyph.position,
    getText: (glyph) => glyph.glyph,
    getColor: (glyph) => glyph.color,
    getSize: 16,
    sizeUnits: 'pixels',
    characterSet: EMERGING_GLYPHS,
    fontFamily: '"DejaVu Sans", "Segoe UI Symbol", "Apple Symbols", sans-serif',
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    pickable: false,
  };
}
