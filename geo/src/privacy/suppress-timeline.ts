import { suppressSmallCounts } from './suppress-small-counts';

/** Per-cell counts per bucket in compressed sparse rows, as the timeline query returns them. */
export interface CellSeries {
  h3: string[];
  offsets: number[];
  buckets: number[];
  counts: number[];
}

export interface PublicSeries {
  /** Messages per bucket over all cells; null where withheld. */
  totals: (number | null)[];
  /** Only the published (cell, bucket) values; a cell with none is left out. */
  cells: CellSeries;
  /** How many non-empty (cell, bucket) values were withheld. */
  withheldValues: number;
}

interface Entry {
  row: number;
  bucket: number;
  count: number;
  hidden: boolean;
}

/**
 * Suppression for a cell × bucket table published with its margins: the bucket totals (here) and each cell's
 * total over the window (on /public/hexagons for the same filter). It extends `suppressSmallCounts` to two
 * dimensions:
 *
 * 1. bucket totals: a total under k is withheld, with complementary suppression across buckets;
 * 2. cells: a cell that /public/hexagons withholds for this window (under k, or complementary) publishes no
 *    value at all, else its series would add up to the withheld count; `publishedCells` is that margin as
 *    published (it also withholds cells whose perturbed count fell under k), else it is decided here on the
 *    true totals;
 * 3. values: every value under k is withheld; then, until nothing changes, any cell row and any bucket column
 *    (with a published total) whose withheld values add up to 1..k−1 withholds its smallest shown values as
 *    well, so that no margin minus the shown values singles out a small count; a column whose total was
 *    withheld (complementary, k or more) keeps at least k withheld, else its shown values would add up to it.
 */
export function suppressTimeline(
  totals: readonly number[],
  series: CellSeries,
  minCount: number,
  publishedCells?: ReadonlySet<string>,
): PublicSeries {
  const shownTotals = new Set(
    suppressSmallCounts(
      totals.map((count, bucket) => ({ cell: String(bucket).padStart(6, '0'), count })),
      { minCount },
    ).cells.map((c) => Number(c.cell)),
  );

  const entries: Entry[] = [];
  const rows: Entry[][] = series.h3.map(() => []);
  const columns: Entry[][] = totals.map(() => []);
  const rowTotals = series.h3.map((cell, row) => {
    let sum = 0;
    for (let i = series.offsets[row] as number; i < (series.offsets[row + 1] as number); i++) {
      const entry = {
        row,
        bucket: series.buckets[i] as number,
        count: series.counts[i] as number,
        hidden: (series.counts[i] as number) < minCount,
      };
      entries.push(entry);
      rows[row]?.push(entry);
      columns[entry.bucket]?.push(entry);
      sum += entry.count;
    }
    return { cell, count: sum };
  });
  const shownCells =
    publishedCells ?? new Set(suppressSmallCounts(rowTotals, { minCount }).cells.map((c) => c.cell));
  for (const entry of entries) if (!shownCells.has(series.h3[entry.row] as string)) entry.hidden = true;

  let changed = true;
  while (changed) {
    changed = false;
    for (const row of rows) changed = protectMargin(row, minCount) || changed;
    columns.forEach((column, bucket) => {
      if (shownTotals.has(bucket)) changed = protectMargin(column, minCount) || changed;
      // A total withheld to protect another bucket must not be rebuilt from its shown values either.
      else if ((totals[bucket] ?? 0) >= minCount) changed = protectMargin(column, minCount, true) || changed;
    });
  }

  const cells: CellSeries = { h3: [], offsets: [0], buckets: [], counts: [] };
  rows.forEach((row, index) => {
    const shown = row.filter((e) => !e.hidden);
    if (shown.length === 0) return;
    cells.h3.push(series.h3[index] as string);
    for (const e of shown) {
      cells.buckets.push(e.bucket);
      cells.counts.push(e.count);
    }
    cells.offsets.push(cells.buckets.length);
  });
  return {
    totals: totals.map((count, bucket) => (count === 0 || shownTotals.has(bucket) ? count : null)),
    cells,
    withheldValues: entries.filter((e) => e.hidden).length,
  };
}

/**
 * Withholds the smallest shown values of one margin until its withheld sum is 0 or at least k; with
 * `hiddenMargin` (the margin itself is withheld) until it is at least k, so the margin cannot be summed up.
 */
function protectMargin(margin: Entry[], minCount: number, hiddenMargin = false): boolean {
  let hiddenSum = 0;
  for (const e of margin) if (e.hidden) hiddenSum += e.count;
  if ((hiddenSum === 0 && !hiddenMargin) || hiddenSum >= minCount) return false;
  const shown = margin
    .filter((e) => !e.hidden)
    .sort((a, b) => a.count - b.count || a.row - b.row || a.bucket - b.bucket);
  let changed = false;
  for (const e of shown) {
    if (hiddenSum >= minCount) break;
    e.hidden = true;
    hiddenSum += e.count;
    changed = true;
  }
  return changed;
}
