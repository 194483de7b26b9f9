/**
 * Whole minutes from `from` to `to`, rounded down, never negative (an answer stamped before its message is a
 * clock or import error, counted as immediate). SQL: `greatest(0, floor(extract(epoch from to - from) / 60))`.
 */
export function elapsedMinutes(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 60_000));
}
