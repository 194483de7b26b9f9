import { suppressSmallCounts } from './suppress-small-counts';

/** A count shown beside a total: what suppression needs to know about one entry of a public table. */
export interface Counted {
  key: string;
  count: number;
}

export interface PublishedTable {
  /** Keys of the entries that may be shown. */
  shown: Set<string>;
  /** Entries withheld (including the remainder when it was withheld). */
  withheldEntries: number;
  /** Messages withheld; null when the whole table is below k (then the total must not be shown either). */
  withheldCount: number | null;
}

const REMAINDER = '\u0000remainder';

/**
 * Small-count suppression for a table published together with `total` when the entries do not add up to it
 * (top-N lists, districts beside messages outside every district): the missing part is one more entry, so
 * total minus the shown entries can never single out a withheld one.
 */
export function suppressWithRemainder(
  entries: readonly Counted[],
  total: number,
  minCount: number,
): PublishedTable {
  const sum = entries.reduce((s, e) => s + e.count, 0);
  const all = total > sum ? [...entries, { key: REMAINDER, count: total - sum }] : [...entries];
  const result = suppressSmallCounts(
    all.map((e) => ({ cell: e.key, count: e.count })),
    { minCount },
  );
  const shown = new Set(result.cells.map((c) => c.cell));
  shown.delete(REMAINDER);
  return {
    shown,
    withheldEntries: result.suppressedCells,
    withheldCount: result.suppressedCount,
  };
}
