import { createHash } from 'node:crypto';
import { cellsForPoint, type RESOLUTIONS } from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { MessageInput } from '../ingest/message-input';

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Rows per INSERT statement: large enough to amortise a round trip, small enough for PGlite's memory. */
export const UPSERT_BATCH = 5000;

/**
 * Inserts new messages and updates changed ones, keyed by (source, external id). Run it inside
 * the caller's transaction: the rollup triggers make the pre-aggregate follow in the same one.
 * A later duplicate of a key within `inputs` wins, as a re-send would.
 */
export async function upsertMessages(
  sql: Sql,
  inputs: MessageInput[],
  timezone: string,
): Promise<UpsertCounts> {
  const latest = new Map<string, MessageInput>();
  for (const input of inputs) latest.set(`${input.source}\u0000${input.externalId}`, input);
  const unique = [...latest.values()];
  const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: inputs.length - unique.length };
  for (let start = 0; start < unique.length; start += UPSERT_BATCH) {
    const batch = unique.slice(start, start + UPSERT_BATCH);
    const { inserted, updated } = await upsertBatch(sql, batch, timezone);
    counts.inserted += inserted;
    counts.updated += updated;
    counts.unchanged += batch.length - inserted - updated;
  }
  return counts;
}

/**
 * Session settings for a transaction that writes many batches. The messages table grows inside
 * the transaction, so a prepared statement's cached generic plan (made when it was small: a
 * sequential scan) turns every later batch quadratic: plan each execution afresh. JIT compiling
 * bulk statements costs more than it saves.
 */
export async function prepareBulkWrite(sql: Sql): Promise<void> {
  await sql`SET LOCAL plan_cache_mode = force_custom_plan`;
  await sql`SET LOCAL jit = off`;
}

/** The inputs that are new or differ from the stored message (by content hash), hash attached. */
async function changedOnly(sql: Sql, batch: MessageInput[], hashes: string[]) {
  const stored = await sql<{ source: string; external_id: string; content_hash: string }[]>`
    SELECT s.name AS source, m.external_id, m.content_hash
    FROM unnest(${batch.map((m) => m.source)}::text[], ${batch.map((m) => m.externalId)}::text[]) AS k (source, external_id)
    JOIN sources s ON s.name = k.source
    JOIN messages m ON m.source_id = s.id AND m.external_id = k.external_id`;
  if (stored.length === 0) return batch.map((m, i) => ({ ...m, hash: hashes[i] as string }));
  const known = new Map(stored.map((r) => [`${r.source}\u0000${r.external_id}`, r.content_hash]));
  const changed: Array<MessageInput & { hash: string }> = [];
  batch.forEach((m, i) => {
    const hash = hashes[i] as string;
    if (known.get(`${m.source}\u0000${m.externalId}`) !== hash) changed.push({ ...m, hash });
  });
  return changed;
}

async function upsertBatch(sql: Sql, all: MessageInput[], timezone: string) {
  const hashes = all.map(contentHash);
  const batch = await changedOnly(sql, all, hashes);
  // Nothing new: no INSERT at all, so no H3 work, no triggers, and data_version stays put.
  if (batch.length === 0) return { inserted: 0, updated: 0 };
  const names = (pick: (m: MessageInput) => string) => [...new Set(batch.map(pick))];
  await sql`INSERT INTO sources (name) SELECT unnest(${names((m) => m.source)}::text[]) ON CONFLICT DO NOTHING`;
  await sql`INSERT INTO categories (name) SELECT unnest(${names((m) => m.category)}::text[]) ON CONFLICT DO NOTHING`;
  const c = columns(batch);
  const rows = await sql<{ inserted: boolean }[]>`
    WITH input AS (
      SELECT * FROM unnest(
        ${c.source}::text[], ${c.externalId}::text[], ${c.category}::text[], ${c.title}::text[],
        ${c.text}::text[], ${c.author}::text[], ${c.authorUrl}::text[], ${c.address}::text[],
        ${c.executor}::text[], ${c.url}::text[], ${c.status}::text[], ${c.statusRaw}::text[],
        ${c.createdAt}::timestamptz[], ${c.answeredAt}::timestamptz[], ${c.resolvedAt}::timestamptz[],
        ${c.lat}::float8[], ${c.lon}::float8[], ${c.h3_5}::int8[], ${c.h3_6}::int8[], ${c.h3_7}::int8[],
        ${c.h3_8}::int8[], ${c.h3_9}::int8[], ${c.h3_10}::int8[], ${c.hash}::text[]
      ) AS t (source, external_id, category, title, body, author, author_url, address, executor, url,
              status, status_raw, created_at, answered_at, resolved_at, lat, lon,
              h3_5, h3_6, h3_7, h3_8, h3_9, h3_10, content_hash)
    ), located AS (
      SELECT i.*, ST_SetSRID(ST_MakePoint(i.lon, i.lat), 4326) AS geom FROM input i
    )
    INSERT INTO messages AS m (
      source_id, external_id, category_id, title, body, author, author_url, address, executor, url,
      status, status_raw, created_at, answered_at, resolved_at, local_day, lat, lon, geom, district_id,
      h3_5, h3_6, h3_7, h3_8, h3_9, h3_10, content_hash)
    SELECT s.id, l.external_id, c.id, l.title, l.body, l.author, l.author_url, l.address, l.executor, l.url,
           l.status::message_status, l.status_raw, l.created_at, l.answered_at, l.resolved_at,
           (l.created_at AT TIME ZONE ${timezone})::date, l.lat, l.lon, l.geom,
           (SELECT dp.district_id FROM district_parts dp
             WHERE ST_Intersects(dp.geom, l.geom) ORDER BY dp.district_id LIMIT 1),
           l.h3_5, l.h3_6, l.h3_7, l.h3_8, l.h3_9, l.h3_10, l.content_hash
    FROM located l
    JOIN sources s ON s.name = l.source
    JOIN categories c ON c.name = l.category
    ON CONFLICT (source_id, external_id) DO UPDATE SET
      category_id = excluded.category_id, title = excluded.title, body = excluded.body,
      author = excluded.author, author_url = excluded.author_url, address = excluded.address,
      executor = excluded.executor, url = excluded.url, status = excluded.status,
      status_raw = excluded.status_raw, created_at = excluded.created_at,
      answered_at = excluded.answered_at, resolved_at = excluded.resolved_at,
      local_day = excluded.local_day, lat = excluded.lat, lon = excluded.lon, geom = excluded.geom,
      district_id = excluded.district_id, h3_5 = excluded.h3_5, h3_6 = excluded.h3_6,
      h3_7 = excluded.h3_7, h3_8 = excluded.h3_8, h3_9 = excluded.h3_9, h3_10 = excluded.h3_10,
      content_hash = excluded.content_hash, updated_at = now()
    WHERE m.content_hash IS DISTINCT FROM excluded.content_hash
    RETURNING (xmax = 0) AS inserted`;
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted };
}

/** Column arrays for unnest: one array per column, in input order. */
function columns(batch: Array<MessageInput & { hash: string }>) {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  const cells = batch.map((m) => cellsForPoint(m.lat, m.lon));
  const cellColumn = (res: (typeof RESOLUTIONS)[number]) =>
    cells.map((c) => BigInt(`0x${c[res]}`).toString());
  return {
    source: batch.map((m) => m.source),
    externalId: batch.map((m) => m.externalId),
    category: batch.map((m) => m.category),
    title: batch.map((m) => m.title),
    text: batch.map((m) => m.text),
    author: batch.map((m) => m.author),
    authorUrl: batch.map((m) => m.authorUrl),
    address: batch.map((m) => m.address),
    executor: batch.map((m) => m.executor),
    url: batch.map((m) => m.url),
    status: batch.map((m) => m.status),
    statusRaw: batch.map((m) => m.statusRaw),
    createdAt: batch.map((m) => iso(m.createdAt)),
    answeredAt: batch.map((m) => iso(m.answeredAt)),
    resolvedAt: batch.map((m) => iso(m.resolvedAt)),
    lat: batch.map((m) => m.lat),
    lon: batch.map((m) => m.lon),
    h3_5: cellColumn(5),
    h3_6: cellColumn(6),
    h3_7: cellColumn(7),
    h3_8: cellColumn(8),
    h3_9: cellColumn(9),
    h3_10: cellColumn(10),
    hash: batch.map((m) => m.hash),
  };
}

/** Hash of everything a message carries: equal hashes mean a re-send changes nothing. */
export function contentHash(m: MessageInput): string {
  const fields = [
    m.category,
    m.title,
    m.text,
    m.author,
    m.authorUrl,
    m.address,
    m.executor,
    m.url,
    m.status,
    m.statusRaw,
    m.createdAt.toISOString(),
    m.answeredAt?.toISOString() ?? null,
    m.resolvedAt?.toISOString() ?? null,
    m.lat,
    m.lon,
  ];
  return createHash('sha1').update(JSON.stringify(fields)).digest('base64url');
}
