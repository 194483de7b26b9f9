/**
 * The /timeline answer turned into dense per-cell prefix sums, so any window's count per cell is
 * one subtraction: scrubbing and playback are O(cells) per frame with no request.
 */
export interface TimelineColumns {
  edges: readonly string[];
  totals: readonly number[];
  cells: {
    h3: readonly string[];
    offsets: readonly number[];
    buckets: readonly number[];
    counts: readonly number[];
  };
}

export interface TimelineCube {
  /** Bucket edges in epoch ms; bucket i is [edges[i], edges[i+1]). */
  edges: Float64Array;
  totals: readonly number[];
  cells: readonly string[];
  bucketCount: number;
  /** prefix[c * (bucketCount + 1) + b] = messages of cell c in buckets 0..b-1. */
  prefix: Int32Array;
}

export interface BucketWindow {
  /** First bucket in the window. */
  start: number;
  /** One past the last bucket. */
  end: number;
}

export function buildTimelineCube(timeline: TimelineColumns): TimelineCube {
  const bucketCount = timeline.totals.length;
  const { h3, offsets, buckets, counts } = timeline.cells;
  const stride = bucketCount + 1;
  const prefix = new Int32Array(h3.length * stride);
  for (let cell = 0; cell < h3.length; cell += 1) {
    const row = cell * stride;
    const dense = new Int32Array(bucketCount);
    for (let entry = offsets[cell] ?? 0; entry < (offsets[cell + 1] ?? 0); entry += 1) {
      dense[buckets[entry] ?? 0] = counts[entry] ?? 0;
    }
    let sum = 0;
    for (let bucket = 0; bucket < bucketCount; bucket += 1) {
      prefix[row + bucket] = sum;
      sum += dense[bucket] ?? 0;
    }
    prefix[row + bucketCount] = sum;
  }
  return {
    edges: Float64Array.from(timeline.edges, (edge) => Date.parse(edge)),
    totals: timeline.totals,
    cells: h3,
    bucketCount,
    prefix,
  };
}

/** Messages per cell in [start, end), in the cube's cell order. */
export function windowCounts(cube: TimelineCube, window: BucketWindow, into?: Float64Array): Float64Array {
  const values = into ?? new Float64Array(cube.cells.length);
  const stride = cube.bucketCount + 1;
  const start = Math.max(0, Math.min(cube.bucketCount, window.start));
  const end = Math.max(start, Math.min(cube.bucketCount, window.end));
  for (let cell = 0; cell < cube.cells.length; cell += 1) {
    const row = cell * stride;
    values[cell] = (cube.prefix[row + end] ?? 0) - (cube.prefix[row + start] ?? 0);
  }
  return values;
}

/**
 * The largest count any cell reaches in any window of `length` buckets (or, cumulative, over the
 * whole range): the colour domain, fixed for a whole playback.
 */
export function maxWindowCount(cube: TimelineCube, length: number, cumulative: boolean): number {
  const stride = cube.bucketCount + 1;
  let max = 0;
  for (let cell = 0; cell < cube.cells.length; cell += 1) {
    const row = cell * stride;
    if (cumulative || length >= cube.bucketCount) {
      max = Math.max(max, cube.prefix[row + cube.bucketCount] ?? 0);
      continue;
    }
    for (let start = 0; start + length <= cube.bucketCount; start += 1) {
      const sum = (cube.prefix[row + start + length] ?? 0) - (cube.prefix[row + start] ?? 0);
      if (sum > max) max = sum;
    }
  }
  return max;
}

/** The bucket whose start edge is at or after the instant (the end edge if none is). */
export function bucketAtOrAfter(cube: TimelineCube, instantMs: number): number {
  for (let index = 0; index < cube.edges.length; index += 1) {
    if ((cube.edges[index] ?? 0) >= instantMs) return index;
  }
  return cube.bucketCount;
}
