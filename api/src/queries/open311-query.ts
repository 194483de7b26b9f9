import type { MessageStatus, Resolution } from '@heatmap/geo';
import type { Sql } from '../db/database';
import { all, type Fragment, messageConditions } from './filter-sql';
import type { FilterScope, MessageFilter } from './message-filter';
import { publicGroupSize } from './public-messages-query';

/** One message as Open311 reads it (api/src/routes/open311 decides what of it a caller sees). */
export interface Open311Row {
  id: bigint;
  createdAt: Date;
  /** The last change we know of: created, answered or resolved. */
  updatedAt: Date;
  categoryId: number;
  category: string;
  status: MessageStatus;
  statusRaw: string | null;
  text: string | null;
  address: string | null;
  executor: string | null;
  url: string | null;
  lat: number;
  lon: number;
  /** The cell at the options' `cellRes` (the public resolution), as the bigint the database keeps. */
  cell: bigint;
}

/** Which messages: by the filters, or by ids (Open311's service_request_id overrides the rest). */
export type Open311Selection = ({ filter: MessageFilter } | { ids: bigint[]; scope?: FilterScope }) & {
  /** Only messages in these cells at `cellRes` (the public map's published cells). */
  cells?: bigint[];
};

export interface Open311QueryOptions {
  limit: number;
  cellRes: Resolution;
  /** Public reads: only messages whose public group holds this many (the drill-down's rule). */
  minGroupSize?: number;
}

/** The selected messages, newest first. */
export async function queryOpen311Requests(
  sql: Sql,
  selection: Open311Selection,
  options: Open311QueryOptions,
): Promise<Open311Row[]> {
  const selected = selectionConditions(sql, selection, options.cellRes);
  // The group is counted over rows that hold whole groups: for ids, every message of their cells and months.
  const grouped =
    'ids' in selection
      ? sql`(m.h3_8, date_trunc('month', m.local_day)) IN (
              SELECT w.h3_8, date_trunc('month', w.local_day) FROM messages w WHERE w.id = ANY(${idList(selection.ids)}::int8[]))`
      : selected;
  const candidates =
    options.minGroupSize === undefined
      ? sql`SELECT m.id, 0 AS group_size FROM messages m WHERE ${selected}`
      : sql`SELECT m.id, ${publicGroupSize(sql)} AS group_size FROM messages m WHERE ${grouped}`;
  const rows = await sql<
    {
      id: bigint;
      created_at: Date;
      updated_at: Date;
      category_id: number;
      category: string;
      status: MessageStatus;
      status_raw: string | null;
      body: string | null;
      address: string | null;
      executor: string | null;
      url: string | null;
      lat: number;
      lon: number;
      cell: bigint;
    }[]
  >`
    WITH g AS (${candidates})
    SELECT m.id, m.created_at, greatest(m.created_at, m.answered_at, m.resolved_at) AS updated_at,
           m.category_id::int AS category_id, c.name AS category, m.status, m.status_raw, m.body,
           m.address, m.executor, m.url, m.lat, m.lon, ${sql(`m.h3_${options.cellRes}`)} AS cell
    FROM g JOIN messages m ON m.id = g.id JOIN categories c ON c.id = m.category_id
    WHERE ${all(sql, [selected, sql`g.group_size >= ${options.minGroupSize ?? 0}`])}
    ORDER BY m.created_at DESC, m.id DESC
    LIMIT ${options.limit}`;
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    categoryId: r.category_id,
    category: r.category,
    status: r.status,
    statusRaw: r.status_raw,
    text: r.body,
    address: r.address,
    executor: r.executor,
    url: r.url,
    lat: r.lat,
    lon: r.lon,
    cell: r.cell,
  }));
}

function selectionConditions(sql: Sql, selection: Open311Selection, cellRes: Resolution): Fragment {
  const conditions =
    'ids' in selection
      ? [
          sql`m.id = ANY(${idList(selection.ids)}::int8[])`,
          messageConditions(sql, selection.scope ? { scope: selection.scope } : {}),
        ]
      : [messageConditions(sql, selection.filter)];
  if (selection.cells) {
    conditions.push(sql`${sql(`m.h3_${cellRes}`)} = ANY(${idList(selection.cells)}::int8[])`);
  }
  return all(sql, conditions);
}

const idList = (ids: bigint[]) => ids.map(String);

/** Every category, by id: Open311's services. */
export async function queryCategories(sql: Sql): Promise<{ id: number; name: string }[]> {
  return sql<{ id: number; name: string }[]>`SELECT id::int, name FROM categories ORDER BY name`;
}

/** The id of the message a source stored under an external id (what an Open311 POST just wrote). */
export async function messageIdOf(sql: Sql, source: string, externalId: string): Promise<bigint | undefined> {
  const [row] = await sql<{ id: bigint }[]>`
    SELECT m.id FROM messages m JOIN sources s ON s.id = m.source_id
    WHERE s.name = ${source} AND m.external_id = ${externalId}`;
  return row?.id;
}
