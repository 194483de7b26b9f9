import { GeoError } from '../errors';
import { MIN_PUBLIC_COUNT } from './public-thresholds';

export interface CountedCell {
  cell: string;
  count: number;
}

export interface SuppressionResult<T extends CountedCell> {
  /** The cells that may be published, in input order. */
  cells: T[];
  /** Whether any non-empty cell was withheld. */
  suppressed: boolean;
  /** How many non-empty cells were withheld. */
  suppressedCells: number;
  /**
   * The sum of the withheld counts, when it may be published (0, or at least minCount); null when it is
   * below minCount, which happens only if all the non-empty cells together have fewer than minCount
   * messages: then the total must not be published either.
   */
  suppressedCount: number | null;
}

/**
 * Small-count suppression for a set of cells that is published together with its total.
 *
 * 1. Primary: every cell with 0 < count < minCount is withheld. Empty cells are dropped, not counted.
 * 2. Complementary: if the withheld cells add up to less than minCount (for example a single withheld cell),
 *    total minus the shown cells would reveal them, so the smallest shown cells (ties by cell id, so the
 *    choice is stable between requests) are withheld too until the withheld sum reaches minCount.
 *
 * The published total therefore stays the true total, and "withheld: N messages in M cells" is safe to show.
 */
export function suppressSmallCounts<T extends CountedCell>(
  cells: readonly T[],
  options: { minCount?: number } = {},
): SuppressionResult<T> {
  const minCount = options.minCount ?? MIN_PUBLIC_COUNT;
  if (!Number.isInteger(minCount) || minCount < 1) {
    throw new GeoError('E_THRESHOLD_INVALID', `minCount must be a positive integer, got ${minCount}`);
  }
  const hidden = new Set<T>();
  let hiddenSum = 0;
  const shown: T[] = [];
  for (const cell of cells) {
    if (!(cell.count > 0)) continue;
    if (cell.count < minCount) {
      hidden.add(cell);
      hiddenSum += cell.count;
    } else {
      shown.push(cell);
    }
  }
  if (hiddenSum > 0 && hiddenSum < minCount) {
    const smallestFirst = [...shown].sort(
      (a, b) => a.count - b.count || (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0),
    );
    for (const cell of smallestFirst) {
      if (hiddenSum >= minCount) break;
      hidden.add(cell);
      hiddenSum += cell.count;
    }
  }
  return {
    cells: cells.filter((cell) => cell.count > 0 && !hidden.has(cell)),
    suppressed: hidden.size > 0,
    suppressedCells: hidden.size,
    suppressedCount: hiddenSum === 0 || hiddenSum >= minCount ? hiddenSum : null,
  };
}
