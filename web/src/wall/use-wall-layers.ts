import { H3HexagonLayer } from '@deck.gl/geo-layers';
import { GeoJsonLayer, TextLayer } from '@deck.gl/layers';
import { cellToLatLng } from 'h3-js';
import { useMemo, useRef } from 'react';
import { type ColorScale, createColorScale } from '../map/color-scale';
import { cellOutlineProps } from '../map/layers/cell-outline-layer';
import { type DistrictShape, districtLabelProps } from '../map/layers/district-layers';
import { type HexFrame, hexLayerProps } from '../map/layers/hex-layer';
import { maxWindowCount, type TimelineCube, windowCounts } from '../timeline/timeline-cube';
import type { WallStep } from './cycle-schedule';
import type { WallData } from './wall-data';
import { newsLabels } from './wall-news';

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
  // The news step's cells, outlined and numbered as in the list beside the map.
  const newsItems = data?.news?.items;
  const news = useMemo(() => {
    if (!newsItems?.length) return null;
    const labels = newsLabels(newsItems).map((label) => {
      const [lat, lon] = cellToLatLng(label.h3);
      return { ...label, position: [lon, lat] as [number, number] };
    });
    return { cells: labels.map((label) => label.h3), labels };
  }, [newsItems]);
  const showNews = step?.kind === 'news' ? news : null;

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
    if (showNews) {
      list.push(
        new H3HexagonLayer({
          id: 'wall-news-cells',
          data: showNews.cells,
          getHexagon: (cell: string) => cell,
          filled: false,
          stroked: true,
          extruded: false,
          getLineColor: [255, 255, 255, 255],
          lineWidthUnits: 'pixels',
          getLineWidth: 5,
        }),
        new TextLayer({
          id: 'wall-news-labels',
          data: showNews.labels,
          getText: (label: { text: string }) => label.text,
          getPosition: (label: { position: [number, number] }) => label.position,
          getSize: 28,
          sizeUnits: 'pixels',
          getPixelOffset: [0, -30],
          fontFamily: 'system-ui, "Segoe UI", Roboto, "DejaVu Sans", sans-serif',
          fontWeight: 700,
          getColor: [255, 255, 255, 255],
          outlineWidth: 4,
          outlineColor: [5, 7, 12, 255],
          fontSettings: { sdf: true },
        }),
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
  }, [playbackFrame, settled, scale, focusCell, showNews, focusDistrict, labelProps]);

  return { layers, scale };
}
