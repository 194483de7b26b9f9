import { cellToBigInt, isResolution, type Resolution } from '@heatmap/geo';
import { getResolution, isValidCell } from 'h3-js';
import type { Sql } from '../db/database';
import type { Message, MessagePage } from '../schemas/messages';
import { all, type Fragment, messageConditions } from './filter-sql';
import type { MessageFilter } from './message-filter';
import { cellPlace, staffAudience } from './places-query';
import { badParameter } from './query-error';

export interface CellMessagesRequest {
  h3: string;
  limit: number;
  cursor?: string;
  q?: string;
}

/** The messages in one cell (any served resolution) matching the filter, newest first, by keyset pages. */
export async function queryCellMessages(
  sql: Sql,
  filter: MessageFilter,
  request: CellMessagesRequest,
): Promise<MessagePage> {
  const h3 = request.h3.toLowerCase();
  if (!isValidCell(h3)) throw badParameter('h3', `"${request.h3}" is not a valid H3 cell index`);
  const res = getResolution(h3);
  if (!isResolution(res)) {
    throw badParameter('h3', `the cell has resolution ${res}; resolutions 5 to 10 are served`);
  }
  const conditions: Fragment[] = [
    sql`${sql(`m.h3_${res as Resolution}`)} = ${cellToBigInt(h3).toString()}::int8`,
    messageConditions(sql, filter),
  ];
  if (request.cursor) {
    const { micros, id } = decodeCursor(request.cursor);
    conditions.push(
      sql`(m.created_at, m.id) < ('epoch'::timestamptz + ${micros}::int8 * interval '1 microsecond', ${id}::int8)`,
    );
  }
  if (request.q) {
    const pattern = `%${escapeLike(request.q)}%`;
    conditions.push(sql`(m.title ILIKE ${pattern} OR m.body ILIKE ${pattern} OR m.address ILIKE ${pattern})`);
  }
  const rows = await sql<MessageRow[]>`
    SELECT ${messageColumns(sql)},
           (extract(epoch FROM m.created_at) * 1000000)::int8 AS created_micros
    FROM messages m ${messageJoins(sql)}
    WHERE ${all(sql, conditions)}
    ORDER BY m.created_at DESC, m.id DESC
    LIMIT ${request.limit + 1}`;
  const page = rows.slice(0, request.limit);
  const last = page[page.length - 1];
  return {
    messages: page.map(toMessage),
    nextCursor: rows.length > request.limit && last ? encodeCursor(last.created_micros, last.id) : null,
    place: await cellPlace(sql, h3, res, staffAudience(filter)),
  };
}

/** One message by id, or null; the filter's scope still applies. */
export async function queryMessage(sql: Sql, id: string, filter: MessageFilter): Promise<Message | null> {
  const [row] = await sql<MessageRow[]>`
    SELECT ${messageColumns(sql)}, 0::int8 AS created_micros
    FROM messages m ${messageJoins(sql)}
    WHERE m.id = ${id}::int8 AND ${messageConditions(sql, filter)}`;
  return row ? toMessage(row) : null;
}

/**
 * Every message matching the filter (and the caller's scope), newest first, at most `limit`;
 * `limit + 1` rows tell the caller there are more.
 */
export async function queryMessagesForExport(
  sql: Sql,
  filter: MessageFilter,
  limit: number,
): Promise<Message[]> {
  const rows = await sql<MessageRow[]>`
    SELECT ${messageColumns(sql)}, 0::int8 AS created_micros
    FROM messages m ${messageJoins(sql)}
    WHERE ${messageConditions(sql, filter)}
    ORDER BY m.created_at DESC, m.id DESC
    LIMIT ${limit + 1}`;
  return rows.map(toMessage);
}

interface MessageRow {
  id: bigint;
  created_at: Date;
  answered_at: Date | null;
  resolved_at: Date | null;
  category: string;
  source: string;
  status: Message['status'];
  status_raw: string | null;
  title: string | null;
  body: string | null;
  address: string | null;
  executor: string | null;
  url: string | null;
  district_id: number | null;
  district: string | null;
  lat: number;
  lon: number;
  street: string | null;
  created_micros: bigint;
}

function messageColumns(sql: Sql): Fragment {
  return sql`m.id, m.created_at, m.answered_at, m.resolved_at, c.name AS category, s.name AS source,
    m.status, m.status_raw, m.title, m.body, m.address, m.executor, m.url, m.district_id,
    d.name AS district, m.lat, m.lon,
    (SELECT p.name FROM street_spellings p WHERE p.street_key = m.street_key
     ORDER BY p.n DESC, p.name COLLATE "C" LIMIT 1) AS street`;
}

function messageJoins(sql: Sql): Fragment {
  return sql`JOIN categories c ON c.id = m.category_id
    JOIN sources s ON s.id = m.source_id
    LEFT JOIN districts d ON d.id = m.district_id`;
}

function toMessage(row: MessageRow): Message {
  return {
    id: row.id.toString(),
    createdAt: row.created_at.toISOString(),
    answeredAt: row.answered_at?.toISOString() ?? null,
    resolvedAt: row.resolved_at?.toISOString() ?? null,
    category: row.category,
    source: row.source,
    status: row.status,
    statusRaw: row.status_raw,
    title: row.title,
    text: row.body,
    address: row.address,
    executor: row.executor,
    url: row.url,
    districtId: row.district_id,
    district: row.district,
    street: row.street,
    lat: row.lat,
    lon: row.lon,
  };
}

/** ILIKE treats % and _ as wildcards and \ as their escape: search for them literally. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The cursor is the last row's (created_at in microseconds, id): opaque to clients, exact for the keyset. */
export function encodeCursor(micros: bigint, id: bigint): string {
  return Buffer.from(`${micros}.${id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { micros: string; id: string } {
  const match = /^(-?\d{1,19})\.(\d{1,19})$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match)
    throw badParameter('cursor', 'not a cursor this API returned (use nextCursor of the previous page)');
  return { micros: match[1] as string, id: match[2] as string };
}
