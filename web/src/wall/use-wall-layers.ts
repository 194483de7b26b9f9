import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import { useMemo, useRef } from 'react';
import { type ColorScale, createColorScale } from '../map/color-scale';
import { cellOutlineProps } from '../map/layers/cell-outline-layer';
import { type DistrictShape, districtLabelProps } from '../map/layers/district-layers';
import { type HexFrame, hexLayerProps } from '../map/layers/hex-layer';
import { maxWindowCount, type TimelineCube, windowCounts } from '../timeline/timeline-cube';
import type { WallStep } from './cycle-schedule';
import type { WallData } from './wall-data';

/** Hours the playback sums per frame: each frame shows the day up to that hour. */
export const PLAYBACK_HOURS = 24;

export interface WallLayersInput {
  data: WallData | null;
  shapes: readonly DistrictShape[];
  step: WallStep | null;
  cube: TimelineCube | null;
  /** The playback's current bucket, or null when not playing. */
  bucket: number | null;
}

/**
 * The wall's deck.gl layers: the window's cells (or the playback frame), the focused cell or district
 * outlined, district names. Layer ids are fixed and data arrays keep their identity between renders,
 * so deck.gl updates layers in place instead of building (and leaking) new GPU buffers.
 */
export function useWallLayers({ data, shapes, step, cube, bucket }: WallLayersInput) {
  const settled = useMemo(() => {
    if (!data) return null;
    const cells = data.hexagons.cells;
    const frame: HexFrame = {
      cells: cells.map((cell) => cell.h3),
      values: Float64Array.from(cells, (cell) => cell.count),
      frameKey: data.key,
    };
    const max = cells.reduce((top, cell) => Math.max(top, cell.count), 0);
    return { frame, scale: createColorScale(max, 'sqrt', { integer: true }) };
  }, [data]);

  const playbackScale = useMemo(
    () =>
      cube ? createColorScale(maxWindowCount(cube, PLAYBACK_HOURS, false), 'sqrt', { integer: true }) : null,
    [cube],
  );
  // One values array per cube, rewritten in place for each frame.
  const valuesRef = useRef<{ cube: TimelineCube; values: Float64Array } | null>(null);
  const playing = bucket !== null && cube !== null && playbackScale !== null;
  const playbackFrame = useMemo((): HexFrame | null => {
    if (!playing || !cube) return null;
    if (valuesRef.current?.cube !== cube) {
      valuesRef.current = { cube, values: new Float64Array(cube.cells.length) };
    }
    const values = windowCounts(
      cube,
      { start: Math.max(0, bucket + 1 - PLAYBACK_HOURS), end: bucket + 1 },
      valuesRef.current.values,
    );
    return { cells: cube.cells, values, frameKey: `playback:${bucket}` };
  }, [playing, cube, bucket]);

  const labelProps = useMemo(() => districtLabelProps(shapes, true), [shapes]);
  const focusDistrict = step?.kind === 'district' ? shapes.find((shape) => shape.id === step.id) : undefined;
  const focusCell = step?.kind === 'hotspot' ? step.h3 : undefined;

  const scale: ColorScale | null = playbackFrame ? playbackScale : (settled?.scale ?? null);
  const layers = useMemo(() => {
    const list: (H3HexagonLayer | GeoJsonLayer | TextLayer)[] = [];
    const frame = playbackFrame ?? settled?.frame;
    if (frame && scale) {
      list.push(
        new H3HexagonLayer({
          ...hexLayerProps({ frame, metric: 'count', scale, extrude: false }),
          pickable: false,
        }),
      );
    }
    if (focusCell) {
      list.push(
        new H3HexagonLayer(
          cellOutlineProps({ id: 'wall-focus-cell', cell: focusCell, color: [255, 64, 80, 255], width: 6 }),
        ),
      );
    }
    if (focusDistrict) {
      list.push(
        new GeoJsonLayer({
          id: 'wall-focus-district',
          data: {
            type: 'Feature',
            properties: {},
            geometry: { type: 'MultiPolygon', coordinates: focusDistrict.coordinates },
          },
          filled: false,
          stroked: true,
          getLineColor: [255, 64, 80, 255],
          lineWidthUnits: 'pixels',
          getLineWidth: 5,
        }),
      );
    }
    list.push(new TextLayer({ ...labelProps, getSize: 16 }));
    return list;
  }, [playbackFrame, settled, scale, focusCell, focusDistrict, labelProps]);

  return { layers, scale };
}
