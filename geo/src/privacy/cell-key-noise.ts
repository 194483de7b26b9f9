import { GeoError } from '../errors';
import { MIN_PUBLIC_COUNT } from './public-thresholds';

/**
 * The noise one record set gets (the cell-key method): one of these, equally likely, chosen by its cell key.
 * Never 0, so a count isolated by differencing two public answers (a single atom, see docs/privacy.md) is
 * never its true value; at most 2 away, so a map colour hardly moves.
 */
export const CELL_KEY_NOISE = [-2, -1, 1, 2] as const;

/**
 * The noise for a cell key: an unsigned 32-bit integer that the API derives from the record set (the sum of
 * its record keys and its count) and a secret, so the same messages always get the same noise, whichever
 * question selects them.
 */
export function cellKeyNoise(cellKey: number): number {
  if (!Number.isInteger(cellKey) || cellKey < 0 || cellKey > 0xffffffff) {
    throw new GeoError('E_RANGE_INVALID', `a cell key is an unsigned 32-bit integer, got ${cellKey}`);
  }
  return CELL_KEY_NOISE[cellKey % CELL_KEY_NOISE.length] as number;
}

/**
 * A published count: the true count plus the summed noise of its parts. 0 stays 0 (empty is not small);
 * null (withheld) when the true count or the perturbed one is below k, so every published count is k or more.
 */
export function perturbedCount(
  count: number,
  noise: number,
  options: { minCount?: number } = {},
): number | null {
  const minCount = options.minCount ?? MIN_PUBLIC_COUNT;
  if (count === 0) return 0;
  if (count < minCount || count + noise < minCount) return null;
  return count + noise;
}

/**
 * The noises a count made of one record set can be published with (those that keep it at k or more), each
 * equally likely given that it is published: the oracle for the bound the differencing tests assert.
 */
export function publishedNoises(count: number, options: { minCount?: number } = {}): number[] {
  const minCount = options.minCount ?? MIN_PUBLIC_COUNT;
  return count < minCount ? [] : CELL_KEY_NOISE.filter((noise) => count + noise >= minCount);
}
