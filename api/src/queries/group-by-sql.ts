import type { Resolution } from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Fragment } from './filter-sql';

/** What to group messages by: an H3 cell at a resolution, the district, the category, or nothing. */
export type GroupBy =
  | { kind: 'cell'; res: Resolution }
  | { kind: 'district' }
  | { kind: 'category' }
  | { kind: 'all' };

/** The group key of a message `m`: cell as bigint, district id with 0 for none, category id, 0 for all. */
export function rawKey(sql: Sql, group: GroupBy): Fragment {
  switch (group.kind) {
    case 'cell':
      return sql`${sql(`m.h3_${group.res}`)}`;
    case 'district':
      return sql`coalesce(m.district_id, 0)`;
    case 'category':
      return sql`m.category_id::int`;
    case 'all':
      return sql`0`;
  }
}

/** Group 'cell' with a list: only messages in those cells. */
export function cellCondition(sql: Sql, group: GroupBy, cells?: bigint[]): Fragment {
  if (group.kind !== 'cell' || !cells) return sql`true`;
  return sql`${sql(`m.h3_${group.res}`)} = ANY(${cells.map(String)}::int8[])`;
}
