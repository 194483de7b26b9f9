import { describe, expect, test } from 'vitest';
import {
  SKETCH_GAMMA,
  SKETCH_RELATIVE_ERROR,
  sketchBucket,
  sketchBucketMinutes,
  sketchBucketValue,
  sketchMedian,
  ZERO_BUCKET,
} from './sketch-median';

/** percentile_cont(0.5): the middle value, or the mean of the two middle values. */
function exactMedian(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(mid)] as number) + (sorted[Math.ceil(mid)] as number)) / 2;
}

function histogram(values: number[]): Array<[number, number]> {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(sketchBucket(v), (counts.get(sketchBucket(v)) ?? 0) + 1);
  return [...counts];
}

/** mulberry32: a seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('sketch buckets', () => {
  test('gamma follows from the relative error', () => {
    expect(SKETCH_GAMMA).toBeCloseTo(1.02 / 0.98, 12);
  });

  test('0 minutes and negative spans share the zero bucket; 1 minute is bucket 0', () => {
    expect(sketchBucket(0)).toBe(ZERO_BUCKET);
    expect(sketchBucket(-5)).toBe(ZERO_BUCKET);
    expect(sketchBucket(1)).toBe(0);
    expect(sketchBucket(2)).toBe(Math.ceil(Math.log(2) / Math.log(SKETCH_GAMMA)));
  });

  // The database computes the bucket with its own ln() (migration 0014); a whole number of minutes whose
  // log ratio lies within a hair of an integer could land in another bucket there. None does, up to 40
  // years of minutes, and every minute lies in the range its bucket claims.
  test('every whole minute up to 40 years is far from a bucket edge and inside its bucket', () => {
    const logGamma = Math.log(SKETCH_GAMMA);
    let closest = 1;
    let outside = 0;
    let bucket = ZERO_BUCKET;
    let range = sketchBucketMinutes(bucket);
    for (let m = 2; m <= 40 * 366 * 1440; m++) {
      const ratio = Math.log(m) / logGamma;
      closest = Math.min(closest, Math.abs(ratio - Math.round(ratio)));
      const b = Math.ceil(ratio);
      if (b !== bucket) {
        bucket = b;
        range = sketchBucketMinutes(b);
      }
      if (m < range.low || m > range.high) outside++;
    }
    expect(outside).toBe(0);
    expect(closest).toBeGreaterThan(1e-9);
  });

  test('a bucket value is within the relative error of every minute it stands for', () => {
    for (let bucket = 0; bucket <= sketchBucket(40 * 366 * 1440); bucket++) {
      const { low, high } = sketchBucketMinutes(bucket);
      if (low > high) continue;
      const value = sketchBucketValue(bucket);
      expect(Math.abs(value - low)).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR * low + 1e-9);
      expect(Math.abs(value - high)).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR * high + 1e-9);
    }
  });
});

describe('sketchMedian', () => {
  test('empty: no median', () => {
    expect(sketchMedian([])).toBeNull();
    expect(sketchMedian([[5, 0]])).toBeNull();
  });

  test('small whole minutes are exact (one minute per bucket below about 25)', () => {
    expect(sketchMedian(histogram([0, 3, 7]))).toBe(3);
    expect(sketchMedian(histogram([0, 3, 7, 20]))).toBe(5);
    expect(sketchMedian(histogram([0, 0, 1]))).toBe(0);
    expect(sketchMedian(histogram([0, 1]))).toBe(0.5);
  });

  test('parts merge: the same bucket from two parts adds up, in any order', () => {
    const a = histogram([100, 200, 300]);
    const b = histogram([200, 5000]);
    expect(sketchMedian([...a, ...b])).toBe(sketchMedian(histogram([100, 200, 300, 200, 5000])));
    expect(sketchMedian([...b, ...a])).toBe(sketchMedian([...a, ...b]));
  });

  test('a removal (a negative count from a status change) takes the value out', () => {
    const before = histogram([10_000, 20_000, 30_000]);
    const removal: Array<[number, number]> = [[sketchBucket(30_000), -1]];
    expect(sketchMedian([...before, ...removal])).toBe(sketchMedian(histogram([10_000, 20_000])));
  });

  test('within the stated relative error of the exact median on random data', () => {
    const next = random(14);
    let worst = 0;
    for (let run = 0; run < 2_000; run++) {
      const n = 1 + Math.floor(next() * 300);
      const shape = run % 3;
      const values = Array.from({ length: n }, () => {
        // log-normal-ish spans from minutes to months, uniform ones, and many zeros with small values
        if (shape === 0) return Math.floor(Math.exp(next() * 12));
        if (shape === 1) return Math.floor(next() * 100_000);
        return next() < 0.3 ? 0 : Math.floor(next() * 40);
      });
      const exact = exactMedian(values);
      const estimate = sketchMedian(histogram(values)) as number;
      const error = Math.abs(estimate - exact);
      expect(error).toBeLessThanOrEqual(SKETCH_RELATIVE_ERROR * exact + 1e-9);
      if (exact > 0) worst = Math.max(worst, error / exact);
    }
    // The bound is approached, not merely respected by luck of coarse data.
    expect(worst).toBeGreaterThan(SKETCH_RELATIVE_ERROR / 4);
  });
});
