const DAY_MS = 86_400_000;

/**
 * The oldest creation date a message may carry. No source we read is older; an earlier date is a
 * zero value or a typo (0001-01-01, 1900-01-01), and it would stretch every default time axis.
 */
export const EARLIEST_MESSAGE_DATE = new Date(Date.UTC(1990, 0, 1));

/** Dates in a query (`from`, `to`) are read as years 1970 through 2100 only. */
export const QUERY_YEARS = { min: 1970, max: 2100 } as const;

/**
 * The latest date a message may carry when it is stored at `now`: a day ahead, for clocks and
 * time zones that run ahead of ours; later is a typo (2205, 9999-12-31).
 */
export function latestMessageDate(now: Date): Date {
  return new Date(now.getTime() + DAY_MS);
}

/** Whether a message's date (created, answered, resolved) is plausible when stored at `now`. */
export function isPlausibleMessageDate(date: Date, now: Date): boolean {
  return date >= EARLIEST_MESSAGE_DATE && date <= latestMessageDate(now);
}
