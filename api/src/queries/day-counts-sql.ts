/**
 * Resolutions the day pre-aggregates of cells hold: cell_day_counts (0003), cell_day_source_status_counts
 * (0014) and the month rows of days (0017, 0019). Each costs ingest a row a message change.
 */
export const DAY_COUNT_RESOLUTIONS: readonly number[] = [7, 8];
