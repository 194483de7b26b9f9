import { describe, expect, test } from 'vitest';
import { createColorScale, VIRIDIS } from '../color-scale';
import { HEX_LAYER_ID, type HexFrame, hexLayerProps } from './hex-layer';

type Accessor<T> = (cell: string, info: { index: number }) => T;

function createFrame(values: number[], frameKey: string | number = 1): HexFrame {
  return {
    cells: ['881e031b3bfffff', '881e031b39fffff', '881e031b31fffff'],
    values: Float64Array.from(values),
    frameKey,
  };
}

function colorAt(props: ReturnType<typeof hexLayerProps>, index: number) {
  return (props.getFillColor as unknown as Accessor<number[]>)('', { index });
}

describe('hexLayerProps', () => {
  test('colours each cell from its value on the fixed scale', () => {
    const props = hexLayerProps({
      frame: createFrame([100, 25, 0]),
      metric: 'count',
      scale: createColorScale(100),
      extrude: false,
    });
    expect(props.id).toBe(HEX_LAYER_ID);
    expect(props.data).toEqual(['881e031b3bfffff', '881e031b39fffff', '881e031b31fffff']);
    expect(colorAt(props, 0)).toEqual([...(VIRIDIS[9] ?? []), 255]);
    expect(colorAt(props, 2)).toEqual([0, 0, 0, 0]);
  });

  test('the same value gets the same colour in any frame', () => {
    const scale = createColorScale(80);
    const early = hexLayerProps({
      frame: createFrame([10, 0, 0], 1),
      metric: 'count',
      scale,
      extrude: false,
    });
    const late = hexLayerProps({
      frame: createFrame([50, 0, 10], 2),
      metric: 'count',
      scale,
      extrude: false,
    });
    expect(colorAt(early, 0)).toEqual(colorAt(late, 2));
  });

  test('updateTriggers change with the frame, the metric and the scale, not otherwise', () => {
    const scale = createColorScale(100);
    const base = hexLayerProps({
      frame: createFrame([1, 2, 3], 'a'),
      metric: 'count',
      scale,
      extrude: false,
    });
    const same = hexLayerProps({
      frame: createFrame([1, 2, 3], 'a'),
      metric: 'count',
      scale,
      extrude: false,
    });
    const nextFrame = hexLayerProps({
      frame: createFrame([1, 2, 3], 'b'),
      metric: 'count',
      scale,
      extrude: false,
    });
    const otherMetric = hexLayerProps({
      frame: createFrame([1, 2, 3], 'a'),
      metric: 'open',
      scale,
      extrude: false,
    });
    const otherScale = hexLayerProps({
      frame: createFrame([1, 2, 3], 'a'),
      metric: 'count',
      scale: createColorScale(1000),
      extrude: false,
    });
    const triggers = (props: typeof base) => JSON.stringify(props.updateTriggers?.getFillColor);
    expect(triggers(same)).toBe(triggers(base));
    expect(triggers(nextFrame)).not.toBe(triggers(base));
    expect(triggers(otherMetric)).not.toBe(triggers(base));
    expect(triggers(otherScale)).not.toBe(triggers(base));
  });

  test('3D height is proportional to the value and capped at the top of the scale', () => {
    const props = hexLayerProps({
      frame: createFrame([50, 400, 0]),
      metric: 'count',
      scale: createColorScale(100),
      extrude: true,
      maxElevation: 1000,
    });
    const elevation = props.getElevation as unknown as Accessor<number>;
    expect(props.extruded).toBe(true);
    expect(elevation('', { index: 0 })).toBe(500);
    expect(elevation('', { index: 1 })).toBe(1000);
    expect(elevation('', { index: 2 })).toBe(0);
  });

  test('a median of zero minutes is still drawn; a missing median is not', () => {
    const props = hexLayerProps({
      frame: createFrame([0, Number.NaN, 60]),
      metric: 'medianAnswer',
      scale: createColorScale(120, 'linear'),
      extrude: false,
    });
    expect(colorAt(props, 0)).toEqual([...(VIRIDIS[0] ?? []), 255]);
    expect(colorAt(props, 1)).toEqual([0, 0, 0, 0]);
  });
});
