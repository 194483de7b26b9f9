import fastJson from 'fast-json-stringify';
import { describe, expect, test } from 'vitest';
import { LARGE_ARRAY_SIZE, largeArraySerializer } from './large-array-serializer';
import { type Timeline, TimelineSchema } from './timeline';

/** A day timeline of `cells` cells with a count on every one of `days` days (the CSR of /timeline). */
function timeline(cells: number, days: number): Timeline {
  const edges = Array.from({ length: days + 1 }, (_, i) => new Date(Date.UTC(2025, 0, 1 + i)).toISOString());
  const h3 = Array.from({ length: cells }, (_, i) =>
    (0x88_1e_00_00_00_ff_ff_ffn + BigInt(i << 24)).toString(16),
  );
  const buckets: number[] = [];
  const counts: number[] = [];
  const offsets = [0];
  for (let c = 0; c < cells; c++) {
    for (let d = 0; d < days; d++) {
      buckets.push(d);
      counts.push(1 + ((c * 7 + d) % 13));
    }
    offsets.push(buckets.length);
  }
  const totals = Array.from({ length: days }, (_, d) =>
    counts.filter((_, i) => buckets[i] === d).reduce((a, b) => a + b, 0),
  );
  return {
    res: 8,
    bucket: 'day',
    timezone: 'Europe/Budapest',
    edges,
    totals,
    cells: { h3, offsets, buckets, counts },
  };
}

describe('largeArraySerializer', () => {
  test('writes a timeline with arrays past the large-array size as the schema serializer does', () => {
    const data = timeline(100, 365);
    expect(data.cells.buckets.length).toBeGreaterThan(LARGE_ARRAY_SIZE);
    const text = largeArraySerializer({ schema: TimelineSchema })(data);
    expect(text).toBe(fastJson(TimelineSchema)(data));
    expect(JSON.parse(text)).toEqual(data);
  });

  test('still writes only the fields the schema declares', () => {
    const data = { ...timeline(2, 3), secret: 'x', cells: { ...timeline(2, 3).cells, author: 'y' } };
    const text = largeArraySerializer({ schema: TimelineSchema })(data);
    expect(text).not.toMatch(/secret|author/);
  });
});
