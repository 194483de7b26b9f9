import { MESSAGE_STATUSES } from '@heatmap/geo';
import type { Sql } from '../db/database';
import { type Fragment, rollupCategoryConditions, rollupSourceStatusConditions } from './filter-sql';
import type { MessageFilter } from './message-filter';

/**
 * Resolutions the day pre-aggregates of cells hold: cell_day_counts (0003), cell_day_source_status_counts
 * (0014) and the month rows of days (0017, 0019). Each costs ingest a row a message change.
 */
export const DAY_COUNT_RESOLUTIONS: readonly number[] = [7, 8];

/**
 * Category, status and source filters on cell_day_source_status_counts `r`: every status named even for a
 * category or source filter alone, since its key leads with status and source.
 */
export function dayCountFacetConditions(sql: Sql, filter: MessageFilter): Fragment[] {
  return [
    ...rollupSourceStatusConditions(sql, { ...filter, statuses: filter.statuses ?? [...MESSAGE_STATUSES] }),
    ...rollupCategoryConditions(sql, filter),
  ];
}
