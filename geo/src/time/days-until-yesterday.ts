/**
 * Whole days to add to data whose last local day is `lastDay` so that it ends yesterday (relative to
 * `today`, both YYYY-MM-DD); 0 when it already ends yesterday or later: data is never moved back.
 */
export function daysUntilYesterday(lastDay: string, today: string): number {
  const day = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  return Math.max(0, day(today) - 1 - day(lastDay));
}
