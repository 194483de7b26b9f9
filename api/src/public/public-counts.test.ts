import { describe, expect, test } from 'vitest';
import { publicPart, suppressWithRemainder } from './public-counts';

describe('suppressWithRemainder', () => {
  test('a small remainder counts as a withheld entry, so a partner goes with it', () => {
    // Districts 40 and 7, 3 messages outside every district: total 50.
    const table = suppressWithRemainder(
      [
        { key: 'a', count: 40 },
        { key: 'b', count: 7 },
      ],
      50,
      5,
    );
    expect([...table.shown]).toEqual(['a']);
    expect(table.withheldCount).toBe(10);
  });

  test('a table under k in all shows nothing and no withheld count', () => {
    const table = suppressWithRemainder([{ key: 'a', count: 2 }], 3, 5);
    expect(table.shown.size).toBe(0);
    expect(table.withheldCount).toBeNull();
  });
});

describe('publicPart', () => {
  test('shown only when the part and the rest are each 0 or at least k', () => {
    expect(publicPart(5, 12, 5)).toBe(5);
    expect(publicPart(0, 12, 5)).toBe(0);
    expect(publicPart(12, 12, 5)).toBe(12);
    expect(publicPart(9, 12, 5)).toBeNull();
    expect(publicPart(2, 12, 5)).toBeNull();
    expect(publicPart(1, 4, 5)).toBeNull();
  });
});
