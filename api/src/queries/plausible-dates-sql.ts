import { EARLIEST_MESSAGE_DATE, latestMessageDate } from '@heatmap/geo';
import type { Sql } from '../db/database';

/**
 * Messages (alias `m`) whose creation date could be real. The data's extent (meta, the default
 * timeline window) reads only these: rows stored before ingest checked dates (a 9999-12-31, a
 * typo year 2205) would otherwise stretch every default time axis past what a bucket list holds.
 */
export function plausibleCreatedAt(sql: Sql, now = new Date()) {
  return sql`m.created_at BETWEEN ${EARLIEST_MESSAGE_DATE} AND ${latestMessageDate(now)}`;
}
