import { useI18n } from '../i18n/i18n';
import { sparklineLabel } from './alert-format';
import { sparklineGeometry } from './sparkline';

const BOX = { width: 112, height: 28, pad: 3 };

export interface SparklineProps {
  /** Counts per day, oldest first; the last is the day tested. */
  series: readonly number[];
  expected: number;
  /** The last day of the series (YYYY-MM-DD). */
  day: string;
}

/**
 * The 14 days as a line, the usual level dashed and the day tested as a dot: the shape at a glance.
 * The numbers themselves are in the label (a screen reader reads them all); nothing depends on colour.
 */
export function Sparkline({ series, expected, day }: SparklineProps) {
  const translator = useI18n();
  const { points, last, expectedY } = sparklineGeometry(series, BOX, expected);
  return (
    <svg
      className="sparkline"
      viewBox={`0 0 ${BOX.width} ${BOX.height}`}
      width={BOX.width}
      height={BOX.height}
      role="img"
      aria-label={sparklineLabel({ series, expected, day }, translator)}
    >
      {expectedY !== null && (
        <line
          className="sparkline__expected"
          x1={BOX.pad}
          x2={BOX.width - BOX.pad}
          y1={expectedY}
          y2={expectedY}
        />
      )}
      <polyline className="sparkline__line" points={points} />
      {last && <circle className="sparkline__day" cx={last.x} cy={last.y} r={3} />}
    </svg>
  );
}
