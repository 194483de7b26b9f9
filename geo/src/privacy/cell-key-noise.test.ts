import { describe, expect, test } from 'vitest';
import { CELL_KEY_NOISE, cellKeyNoise, perturbedCount, publishedNoises } from './cell-key-noise';

describe('cellKeyNoise', () => {
  test('each noise for a quarter of the keys, never 0', () => {
    expect([0, 1, 2, 3].map(cellKeyNoise)).toEqual([-2, -1, 1, 2]);
    expect(cellKeyNoise(0xffffffff)).toBe(2);
    expect(CELL_KEY_NOISE).not.toContain(0);
  });

  test('a key outside 32 bits: E_RANGE_INVALID', () => {
    expect(() => cellKeyNoise(2 ** 32)).toThrow(expect.objectContaining({ code: 'E_RANGE_INVALID' }));
    expect(() => cellKeyNoise(-1)).toThrow(expect.objectContaining({ code: 'E_RANGE_INVALID' }));
    expect(() => cellKeyNoise(1.5)).toThrow(expect.objectContaining({ code: 'E_RANGE_INVALID' }));
  });
});

describe('perturbedCount', () => {
  test('the true count plus its noise', () => {
    expect(perturbedCount(12, -2)).toBe(10);
    expect(perturbedCount(12, 3)).toBe(15);
  });

  test('empty stays 0', () => {
    expect(perturbedCount(0, 0)).toBe(0);
  });

  test('under k, true or perturbed: withheld', () => {
    expect(perturbedCount(4, 2)).toBeNull();
    expect(perturbedCount(5, -1)).toBeNull();
    expect(perturbedCount(6, -1)).toBe(5);
    expect(perturbedCount(5, 0, { minCount: 5 })).toBe(5);
    expect(perturbedCount(3, 1, { minCount: 3 })).toBe(4);
  });
});

describe('publishedNoises', () => {
  test('those that keep the count at k or more', () => {
    expect(publishedNoises(4)).toEqual([]);
    expect(publishedNoises(5)).toEqual([1, 2]);
    expect(publishedNoises(6)).toEqual([-1, 1, 2]);
    expect(publishedNoises(7)).toEqual([-2, -1, 1, 2]);
  });
});
