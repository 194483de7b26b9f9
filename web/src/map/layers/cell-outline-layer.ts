import type { H3HexagonLayerProps } from '@deck.gl/geo-layers';

export interface CellOutlineInput {
  /** The layer's id: fixed, so deck.gl updates the layer in place when the cell changes. */
  id: string;
  /** The H3 cell to outline. */
  cell: string;
  color: [number, number, number, number];
  /** Line width in screen pixels. */
  width: number;
}

/** A single H3 cell drawn as a flat outline over the map: the staff map's selection, the wall's focus. */
export function cellOutlineProps({ id, cell, color, width }: CellOutlineInput): H3HexagonLayerProps<string> {
  return {
    id,
    data: [cell],
    getHexagon: (value: string) => value,
    filled: false,
    stroked: true,
    extruded: false,
    getLineColor: color,
    lineWidthUnits: 'pixels',
    getLineWidth: width,
  };
}
