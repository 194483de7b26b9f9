/**
 * The sequential colour scale of the map. Viridis: perceptually uniform, readable by people with the
 * common colour-vision deficiencies and in greyscale. The domain is fixed by the caller (from the whole
 * time range), never from the frame being drawn, so a colour means the same number all through playback.
 */
export type Rgb = [number, number, number];

export const VIRIDIS: readonly Rgb[] = [
  [68, 1, 84],
  [72, 40, 120],
  [62, 74, 137],
  [49, 104, 142],
  [38, 130, 142],
  [31, 158, 137],
  [53, 183, 121],
  [110, 206, 88],
  [181, 222, 43],
  [253, 231, 37],
];

export type ScaleTransform = 'linear' | 'sqrt';

export interface ColorScale {
  /** Upper end of the domain after rounding to a readable number; the lower end is 0. */
  max: number;
  transform: ScaleTransform;
  colorOf(value: number): Rgb;
  /** Legend ticks: 0, max and readable values between, ascending. */
  ticks: number[];
}

/** Rounds up to 1, 2, 2.5 or 5 times a power of ten, so the legend's end reads as a plain number. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (value <= step * power + 1e-9 * power) return step * power;
  }
  return 10 * power;
}

function interpolate(t: number): Rgb {
  const clamped = Math.min(1, Math.max(0, t));
  const position = clamped * (VIRIDIS.length - 1);
  const index = Math.min(VIRIDIS.length - 2, Math.floor(position));
  const fraction = position - index;
  const low = VIRIDIS[index] as Rgb;
  const high = VIRIDIS[index + 1] as Rgb;
  return [
    Math.round(low[0] + (high[0] - low[0]) * fraction),
    Math.round(low[1] + (high[1] - low[1]) * fraction),
    Math.round(low[2] + (high[2] - low[2]) * fraction),
  ];
}

/** `integer`: the values are counts, so the legend shows whole numbers only. */
export function createColorScale(
  domainMax: number,
  transform: ScaleTransform = 'sqrt',
  options: { integer?: boolean } = {},
): ColorScale {
  const max = niceCeiling(domainMax);
  const forward = transform === 'sqrt' ? Math.sqrt : (value: number) => value;
  const span = forward(max);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((share) => {
    // Ticks sit at equal distances on the bar; under sqrt their values are the squares.
    const raw = transform === 'sqrt' ? (share * span) ** 2 : share * max;
    return transform === 'sqrt' && share > 0 && share < 1 ? Number(raw.toPrecision(2)) : raw;
  });
  return {
    max,
    transform,
    ticks: options.integer ? [...new Set(ticks.map((tick) => Math.round(tick)))] : ticks,
    colorOf(value) {
      return interpolate(forward(Math.max(0, value)) / span);
    },
  };
}

/** Where a value sits along the legend bar, 0..1, under the scale's transform. */
export function positionOnScale(scale: ColorScale, value: number): number {
  const forward = scale.transform === 'sqrt' ? Math.sqrt : (v: number) => v;
  return Math.min(1, forward(Math.max(0, value)) / forward(scale.max));
}
