import { MIN_PUBLIC_COUNT } from './public-thresholds';

/**
 * The items whose group (by `key`) holds at least k items, in input order. The public drill-down lists a
 * message only when its group (every cell it lies in, its month, category, status, source and district: each
 * thing a public filter can cut by) does: any two public lists then differ by whole groups of k or more, so
 * no difference of two lists is a small count (docs/privacy.md, "Drill-down").
 */
export function groupsOfAtLeast<T>(
  items: readonly T[],
  key: (item: T) => string,
  options: { minCount?: number } = {},
): T[] {
  const minCount = options.minCount ?? MIN_PUBLIC_COUNT;
  const sizes = new Map<string, number>();
  for (const item of items) sizes.set(key(item), (sizes.get(key(item)) ?? 0) + 1);
  return items.filter((item) => (sizes.get(key(item)) ?? 0) >= minCount);
}
