import type { H3HexagonLayerProps } from '@deck.gl/geo-layers';
import type { Metric } from '../../url-state/url-state';
import type { ColorScale } from '../color-scale';

/** One drawn cell: its id and the row of its values in the frame's typed arrays. */
export interface HexFrame {
  cells: readonly string[];
  /** The metric's value per cell for the frame being drawn (same order as `cells`). */
  values: Float64Array;
  /** NaN where a cell has no value (no messages, or no answered message for the median). */
  frameKey: string | number;
}

export interface HexLayerInput {
  frame: HexFrame;
  metric: Metric;
  scale: ColorScale;
  extrude: boolean;
  /** Metres a cell at the top of the scale rises in 3D. */
  maxElevation?: number;
  opacity?: number;
}

export const HEX_LAYER_ID = 'message-hexagons';
const FILL_ALPHA = 255;

/**
 * The H3HexagonLayer props for a frame. Data is the stable list of cells, so geometry is built once
 * per /timeline answer; a new frame only swaps `values` and re-runs the colour and elevation
 * accessors through `updateTriggers` (keyed on metric, scale and frame).
 */
export function hexLayerProps(input: HexLayerInput): H3HexagonLayerProps<string> {
  const { frame, metric, scale, extrude } = input;
  const maxElevation = input.maxElevation ?? 2000;
  const scaleKey = `${scale.transform}:${scale.max}`;
  const hidden = (value: number | undefined) => value === undefined || Number.isNaN(value) || value <= 0;
  return {
    id: HEX_LAYER_ID,
    data: frame.cells,
    getHexagon: (cell: string) => cell,
    pickable: true,
    filled: true,
    stroked: false,
    extruded: extrude,
    wireframe: false,
    highPrecision: 'auto',
    coverage: 0.92,
    opacity: input.opacity ?? 1,
    material: extrude ? undefined : false,
    getFillColor: (_cell: string, { index }: { index: number }) => {
      const value = frame.values[index];
      // Empty cells stay in the data (stable geometry) but are not painted.
      if (metric !== 'medianAnswer' && hidden(value)) return [0, 0, 0, 0];
      if (value === undefined || Number.isNaN(value)) return [0, 0, 0, 0];
      const [r, g, b] = scale.colorOf(value);
      return [r, g, b, FILL_ALPHA];
    },
    getElevation: (_cell: string, { index }: { index: number }) => {
      const value = frame.values[index];
      if (value === undefined || Number.isNaN(value) || value <= 0) return 0;
      return (Math.min(value, scale.max) / scale.max) * maxElevation;
    },
    updateTriggers: {
      getFillColor: [metric, scaleKey, frame.frameKey],
      getElevation: [metric, scaleKey, frame.frameKey, maxElevation],
    },
    transitions: undefined,
  };
}
