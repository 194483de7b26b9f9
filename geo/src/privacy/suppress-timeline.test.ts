import { describe, expect, test } from 'vitest';
import { suppressTimeline } from './suppress-timeline';

/** Rows of [bucket, count] per cell, as compressed sparse rows. */
function series(rows: Record<string, [number, number][]>) {
  const s = { h3: [] as string[], offsets: [0], buckets: [] as number[], counts: [] as number[] };
  for (const [h3, entries] of Object.entries(rows)) {
    s.h3.push(h3);
    for (const [b, n] of entries) {
      s.buckets.push(b);
      s.counts.push(n);
    }
    s.offsets.push(s.buckets.length);
  }
  return s;
}

describe('suppressTimeline', () => {
  test('a cell with one small value also withholds its smallest shown value (row margin)', () => {
    // Cell a: 2 + 6 + 9 = 17 on /hexagons; showing 6 and 9 would give the 2 away.
    const input = series({
      a: [
        [0, 2],
        [1, 6],
        [2, 9],
      ],
      b: [
        [0, 20],
        [1, 20],
        [2, 20],
      ],
    });
    const out = suppressTimeline([22, 26, 29], input, 5);
    expect(out.cells.h3).toEqual(['a', 'b']);
    expect(out.cells.counts.slice(0, out.cells.offsets[1])).toEqual([9]);
  });

  test('a bucket with one small value also withholds its smallest shown value (column margin)', () => {
    const input = series({
      a: [[0, 3]],
      b: [
        [0, 7],
        [1, 30],
      ],
      c: [
        [0, 9],
        [1, 30],
      ],
    });
    const out = suppressTimeline([19, 60], input, 5);
    const shownInBucket0 = out.cells.buckets.filter((b) => b === 0).length;
    expect(shownInBucket0).toBeLessThanOrEqual(1);
    // Every margin minus its shown values is 0 or at least k.
    const column0 = out.cells.counts.filter((_, i) => out.cells.buckets[i] === 0);
    const rest = 19 - column0.reduce((x, y) => x + y, 0);
    expect(rest === 0 || rest >= 5).toBe(true);
  });

  test('a cell under k publishes nothing; bucket totals under k are withheld with a partner', () => {
    // Cell a (3) is withheld, and c (6) with it, as on /hexagons; bucket 0's total 3 takes bucket 2's 8 along.
    const input = series({
      a: [[0, 3]],
      b: [
        [1, 40],
        [2, 8],
      ],
      c: [[1, 6]],
    });
    const out = suppressTimeline([3, 46, 8], input, 5);
    expect(out.totals).toEqual([null, 46, null]);
    // b's 8 would add up to bucket 2's withheld total, and 57 − 46 − 8 would give bucket 0's 3.
    expect(out.cells.h3).toEqual(['b']);
    expect(out.cells.buckets).toEqual([1]);
  });

  test('a cell the published cell margin withholds publishes nothing, though its true total passes', () => {
    // /public/hexagons also withholds a cell whose perturbed count fell under k (a true 12 noised to 4):
    // its series must not publish the 6 that the margin hid, and the columns still cover what it hid.
    const input = series({
      a: [
        [0, 6],
        [1, 6],
      ],
      b: [
        [0, 30],
        [1, 8],
      ],
      c: [
        [0, 20],
        [1, 20],
      ],
    });
    const out = suppressTimeline([56, 34], input, 5, new Set(['b', 'c']));
    expect(out.cells.h3).toEqual(['b', 'c']);
    expect(out.cells.counts).toEqual([30, 8, 20, 20]);
    // Without the published margin, a's true 12 would pass and publish its 6s.
    expect(suppressTimeline([56, 34], input, 5).cells.h3).toEqual(['a', 'b', 'c']);
  });

  test('empty buckets stay 0', () => {
    const out = suppressTimeline([0, 10], series({ a: [[1, 10]] }), 5);
    expect(out.totals).toEqual([0, 10]);
    expect(out.cells.counts).toEqual([10]);
  });
});
