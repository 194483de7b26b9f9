import type { Sql } from '../db/database';
import type { MessageInput } from '../ingest/message-input';

/**
 * The messages created at or after `from`, oldest first, as the live demo replays them: what a
 * resident wrote and where, never who (author fields stay behind).
 */
export async function messagesSince(sql: Sql, from: Date, limit: number): Promise<MessageInput[]> {
  const rows = await sql<
    {
      external_id: string;
      category: string;
      title: string | null;
      body: string | null;
      address: string | null;
      status: MessageInput['status'];
      created_at: Date;
      answered_at: Date | null;
      resolved_at: Date | null;
      lat: number;
      lon: number;
    }[]
  >`
    SELECT m.external_id, c.name AS category, m.title, m.body, m.address, m.status,
           m.created_at, m.answered_at, m.resolved_at, m.lat, m.lon
    FROM messages m JOIN categories c ON c.id = m.category_id
    WHERE m.created_at >= ${from}
    ORDER BY m.created_at, m.id
    LIMIT ${limit}`;
  return rows.map((r) => ({
    source: 'demo-live',
    externalId: r.external_id,
    category: r.category,
    title: r.title,
    text: r.body,
    author: null,
    authorUrl: null,
    address: r.address,
    executor: null,
    url: null,
    status: r.status,
    statusRaw: null,
    createdAt: r.created_at,
    answeredAt: r.answered_at,
    resolvedAt: r.resolved_at,
    lat: r.lat,
    lon: r.lon,
  }));
}

/** The last local day that has messages, or null for an empty database. */
export async function lastLocalDay(sql: Sql): Promise<string | null> {
  const [row] = await sql<{ day: string | null }[]>`SELECT max(local_day)::text AS day FROM messages`;
  return row?.day ?? null;
}
