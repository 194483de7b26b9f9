/**
 * Relative change from the previous period: (current - previous) / previous, so 0.25 is "+25 %".
 * Without a baseline there is no ratio: null if either value is missing, or if previous is 0 and current
 * is not (0 to 0 is no change, 0).
 */
export function changeRatio(current: number | null, previous: number | null): number | null {
  if (current === null || previous === null || !Number.isFinite(current) || !Number.isFinite(previous))
    return null;
  if (previous === 0) return current === 0 ? 0 : null;
  return (current - previous) / previous;
}
