import { useMemo } from 'react';
import type { HexagonCell, Hexagons } from '../api/types';
import {
  type BucketWindow,
  maxWindowCount,
  type TimelineCube,
  windowCounts,
} from '../timeline/timeline-cube';
import type { Metric } from '../url-state/url-state';
import { type ColorScale, createColorScale, niceCeiling } from './color-scale';
import type { HexFrame } from './layers/hex-layer';

export interface Frame {
  hex: HexFrame;
  counts: Float64Array;
  scale: ColorScale;
  byCell: Map<string, HexagonCell>;
}

function percentile(values: number[], share: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

/**
 * What the map draws now. Counts come from the cube for the current (moving) window: no request.
 * Open and median come from /hexagons for the settled window, since the cube holds counts only.
 * The count scale's domain is the largest count any cell reaches in any window of this length, so it
 * holds still during playback; open shares it (open <= count); the median scale is linear up to the
 * 90th percentile of the settled cells' medians (outliers saturate instead of flattening the rest).
 */
export function useFrame(
  cube: TimelineCube | null,
  window: BucketWindow,
  cumulative: boolean,
  metric: Metric,
  hexagons: Hexagons | null,
): Frame | null {
  const width = window.end - window.start;
  const countDomain = useMemo(
    () => (cube ? maxWindowCount(cube, width, cumulative) : 0),
    [cube, width, cumulative],
  );
  const counts = useMemo(
    () =>
      cube ? windowCounts(cube, cumulative ? { start: 0, end: window.end } : window) : new Float64Array(),
    [cube, window, cumulative],
  );
  const byCell = useMemo(() => new Map((hexagons?.cells ?? []).map((cell) => [cell.h3, cell])), [hexagons]);
  const medianDomain = useMemo(
    () =>
      niceCeiling(
        percentile(
          (hexagons?.cells ?? []).flatMap((cell) =>
            cell.medianAnswerMinutes === null ? [] : [cell.medianAnswerMinutes],
          ),
          0.9,
        ),
      ),
    [hexagons],
  );
  return useMemo(() => {
    if (!cube) return null;
    let values = counts;
    if (metric === 'open') values = Float64Array.from(cube.cells, (cell) => byCell.get(cell)?.open ?? 0);
    if (metric === 'medianAnswer') {
      values = Float64Array.from(cube.cells, (cell) => byCell.get(cell)?.medianAnswerMinutes ?? Number.NaN);
    }
    const scale =
      metric === 'medianAnswer'
        ? createColorScale(medianDomain, 'linear')
        : createColorScale(countDomain, 'sqrt', { integer: true });
    const frameKey = `${metric}:${window.start}:${window.end}:${cumulative}:${byCell.size}:${hexagons?.from}`;
    return { hex: { cells: cube.cells, values, frameKey }, counts, scale, byCell };
  }, [cube, counts, metric, byCell, medianDomain, countDomain, window, cumulative, hexagons]);
}
