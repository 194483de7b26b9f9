export interface SparklineBox {
  width: number;
  height: number;
  /** Room left at every edge, so the line and the day's dot are not cut off. */
  pad: number;
}

export interface SparklineGeometry {
  /** The SVG polyline's points, oldest day first ("x,y x,y …"). */
  points: string;
  /** The last day (the day tested), drawn as a dot; null without days. */
  last: { x: number; y: number } | null;
  /** Where the expected level lies on the same scale; null without one. */
  expectedY: number | null;
}

const round = (value: number) => Math.round(value * 100) / 100;

/**
 * A count series as a line in a box: days spread evenly across, counts from the baseline up to the
 * highest of the counts and the expected level (at least 1, so a row of zeros stays on the baseline).
 */
export function sparklineGeometry(
  series: readonly number[],
  box: SparklineBox,
  expected?: number,
): SparklineGeometry {
  const top = Math.max(1, expected ?? 0, ...series);
  const innerWidth = box.width - 2 * box.pad;
  const innerHeight = box.height - 2 * box.pad;
  const x = (index: number) =>
    round(box.pad + (series.length > 1 ? (index * innerWidth) / (series.length - 1) : innerWidth / 2));
  const y = (value: number) => round(box.height - box.pad - (value / top) * innerHeight);
  const coordinates = series.map((value, index) => ({ x: x(index), y: y(value) }));
  return {
    points: coordinates.map((point) => `${point.x},${point.y}`).join(' '),
    last: coordinates.at(-1) ?? null,
    expectedY: expected === undefined ? null : y(expected),
  };
}
