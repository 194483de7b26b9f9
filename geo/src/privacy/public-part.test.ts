import { describe, expect, test } from 'vitest';
import { publicPart } from './public-part';

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
