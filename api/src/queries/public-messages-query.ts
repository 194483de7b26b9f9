import { cellToBigInt, type MessageStatus, type Resolution } from '@heatmap/geo';
import type { Sql } from '../db/database';
import { all, type Fragment, messageConditions } from './filter-sql';
import type { MessageFilter } from './message-filter';
import { decodeCursor, encodeCursor } from './messages-query';

export interface PublicCellMessage {
  id: string;
  createdAt: Date;
  category: string | null;
  status: MessageStatus;
  text: string | null;
}

/**
 * The size of a message's public group, over the rows a query selects (a window function of `m`): every
 * cell it lies in (resolutions 5 to 8), its local month, category, status, source and district. Whatever
 * the public reads select by takes whole groups, so counting over the selected rows counts the whole group.
 */
export function publicGroupSize(sql: Sql): Fragment {
  return sql`count(*) OVER (PARTITION BY m.h3_5, m.h3_6, m.h3_7, m.h3_8, date_trunc('month', m.local_day),
                                         m.category_id, m.status, m.source_id, m.district_id)`;
}

/**
 * The messages of one cell for the public drill-down, newest first, by keyset pages: only those whose group
 * holds at least `minCount` messages. A group is every cell the message lies in (resolutions 5 to 8), its
 * local month, category, status, source and district: everything a public filter can select by, so a public
 * filter takes whole groups or none, and two lists never differ by fewer than `minCount` messages (geo
 * `groupsOfAtLeast`; docs/privacy.md, "Drill-down").
 */
export async function queryPublicCellMessages(
  sql: Sql,
  filter: MessageFilter,
  request: { h3: string; res: Resolution; limit: number; cursor?: string; minCount: number },
): Promise<{ messages: PublicCellMessage[]; nextCursor: string | null }> {
  const conditions: Fragment[] = [sql`g.group_size >= ${request.minCount}`];
  if (request.cursor) {
    const { micros, id } = decodeCursor(request.cursor);
    conditions.push(
      sql`(g.created_at, g.id) < ('epoch'::timestamptz + ${micros}::int8 * interval '1 microsecond', ${id}::int8)`,
    );
  }
  const rows = await sql<
    {
      id: bigint;
      created_at: Date;
      category: string | null;
      status: MessageStatus;
      body: string | null;
      micros: bigint;
    }[]
  >`
    WITH g AS (
      SELECT m.id, m.created_at, m.category_id, m.status, m.body,
             ${publicGroupSize(sql)} AS group_size
      FROM messages m
      WHERE ${sql(`m.h3_${request.res}`)} = ${cellToBigInt(request.h3).toString()}::int8
        AND ${messageConditions(sql, filter)})
    SELECT g.id, g.created_at, c.name AS category, g.status, g.body,
           (extract(epoch FROM g.created_at) * 1000000)::int8 AS micros
    FROM g LEFT JOIN categories c ON c.id = g.category_id
    WHERE ${all(sql, conditions)}
    ORDER BY g.created_at DESC, g.id DESC
    LIMIT ${request.limit + 1}`;
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    messages: page.map((row) => ({
      id: row.id.toString(),
      createdAt: row.created_at,
      category: row.category,
      status: row.status,
      text: row.body,
    })),
    nextCursor: rows.length > request.limit && last ? encodeCursor(last.micros, last.id) : null,
  };
}
