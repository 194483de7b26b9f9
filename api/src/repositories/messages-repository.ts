import { hash } from 'node:crypto';
import { cellsForPoint, type RESOLUTIONS, streetOf } from '@heatmap/geo';
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
 * the caller's transaction: the pre-aggregate triggers follow in the same one.
 * A later duplicate of a key within `inputs` wins, as a re-send would.
 */
export async function upsertMessages(
  sql: Sql,
  inputs: MessageInput[],
  timezone: string,
): Promise<UpsertCounts> {
  const writer = new MessageWriter(sql, timezone);
  for (let start = 0; start < inputs.length; start += UPSERT_BATCH) {
    await writer.write(inputs.slice(start, start + UPSERT_BATCH));
  }
  return writer.finish();
}

/**
 * Upserts batches with the database and Node working at the same time: `write` prepares its batch
 * (content hashes, six H3 cells per row: ~10 us a row), waits for the previous batch's statement,
 * then sends this one and returns without waiting, so the caller reads or generates the next batch
 * while the database inserts. Use it inside one transaction; `finish` waits for the last statement.
 */
export class MessageWriter {
  private readonly counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
  private pending: Promise<void> = Promise.resolve();
  private readonly knownNames = { source: new Set<string>(), category: new Set<string>() };

  constructor(
    private readonly sql: Sql,
    private readonly timezone: string,
  ) {}

  async write(inputs: MessageInput[]): Promise<void> {
    const latest = new Map<string, MessageInput>();
    for (const input of inputs) latest.set(`${input.source}\u0000${input.externalId}`, input);
    const batch = [...latest.values()];
    this.counts.unchanged += inputs.length - batch.length;
    if (batch.length === 0) return;
    const c = columns(batch);
    await this.pending;
    const names = this.newNames(batch);
    // Rare (a name not seen by this writer yet), so awaited: the INSERT below must see them.
    if (names.source.length > 0) {
      await this
        .sql`INSERT INTO sources (name) SELECT unnest(${names.source}::text[]) ON CONFLICT DO NOTHING`;
    }
    if (names.category.length > 0) {
      await this
        .sql`INSERT INTO categories (name) SELECT unnest(${names.category}::text[]) ON CONFLICT DO NOTHING`;
    }
    const insert = upsertStatement(this.sql, c, this.timezone).execute();
    this.pending = insert.then(([row]) => {
      const inserted = row?.inserted ?? 0;
      const written = row?.written ?? 0;
      this.counts.inserted += inserted;
      this.counts.updated += written - inserted;
      this.counts.unchanged += batch.length - written;
    });
    // A failed statement rejects on the next write or finish; keep it from being reported unhandled meanwhile.
    this.pending.catch(() => {});
  }

  async finish(): Promise<UpsertCounts> {
    await this.pending;
    return { ...this.counts };
  }

  private newNames(batch: MessageInput[]) {
    const fresh = (set: Set<string>, values: string[]) => {
      const out = [...new Set(values)].filter((v) => !set.has(v));
      for (const v of out) set.add(v);
      return out;
    };
    return {
      source: fresh(
        this.knownNames.source,
        batch.map((m) => m.source),
      ),
      category: fresh(
        this.knownNames.category,
        batch.map((m) => m.category),
      ),
    };
  }
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

/**
 * One INSERT .. ON CONFLICT for a batch, answering two counts (not a row per message). A row whose
 * content hash equals the stored one is left alone (the WHERE of DO UPDATE): it is neither written
 * nor passed to the triggers, and a batch of only such rows leaves the pre-aggregates and
 * data_version as they were.
 */
function upsertStatement(sql: Sql, c: ReturnType<typeof columns>, timezone: string) {
  return sql<{ inserted: number; written: number }[]>`
    WITH input AS (
      SELECT * FROM unnest(
        ${c.source}::text[], ${c.externalId}::text[], ${c.category}::text[], ${c.title}::text[],
        ${c.text}::text[], ${c.author}::text[], ${c.authorUrl}::text[], ${c.address}::text[],
        ${c.executor}::text[], ${c.url}::text[], ${c.status}::text[], ${c.statusRaw}::text[],
        ${c.createdAt}::timestamptz[], ${c.answeredAt}::timestamptz[], ${c.resolvedAt}::timestamptz[],
        ${c.lat}::float8[], ${c.lon}::float8[], ${c.h3_5}::int8[], ${c.h3_6}::int8[], ${c.h3_7}::int8[],
        ${c.h3_8}::int8[], ${c.h3_9}::int8[], ${c.h3_10}::int8[], ${c.hash}::text[],
        ${c.street}::text[], ${c.streetKey}::text[]
      ) AS t (source, external_id, category, title, body, author, author_url, address, executor, url,
              status, status_raw, created_at, answered_at, resolved_at, lat, lon,
              h3_5, h3_6, h3_7, h3_8, h3_9, h3_10, content_hash, street, street_key)
    ), located AS (
      SELECT i.*, ST_SetSRID(ST_MakePoint(i.lon, i.lat), 4326) AS geom FROM input i
    ), written AS (
      INSERT INTO messages AS m (
        source_id, external_id, category_id, title, body, author, author_url, address, executor, url,
        status, status_raw, created_at, answered_at, resolved_at, local_day, lat, lon, geom, district_id,
        h3_5, h3_6, h3_7, h3_8, h3_9, h3_10, content_hash, street, street_key)
      SELECT s.id, l.external_id, c.id, l.title, l.body, l.author, l.author_url, l.address, l.executor, l.url,
             l.status::message_status, l.status_raw, l.created_at, l.answered_at, l.resolved_at,
             (l.created_at AT TIME ZONE ${timezone})::date, l.lat, l.lon, l.geom,
             (SELECT dp.district_id FROM district_parts dp
               WHERE ST_Intersects(dp.geom, l.geom) ORDER BY dp.district_id LIMIT 1),
             l.h3_5, l.h3_6, l.h3_7, l.h3_8, l.h3_9, l.h3_10, l.content_hash, l.street, l.street_key
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
        content_hash = excluded.content_hash, street = excluded.street, street_key = excluded.street_key,
        updated_at = now()
      WHERE m.content_hash IS DISTINCT FROM excluded.content_hash
      RETURNING (xmax = 0) AS inserted
    )
    SELECT (count(*) FILTER (WHERE inserted))::int AS inserted, count(*)::int AS written FROM written`;
}

/** Column arrays for unnest: one array per column, in input order. */
function columns(batch: MessageInput[]) {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  // Each instant is formatted once, for its column and for the content hash.
  const times = batch.map((m) => ({
    created: m.createdAt.toISOString(),
    answered: iso(m.answeredAt),
    resolved: iso(m.resolvedAt),
  }));
  const cells = batch.map((m) => cellsForPoint(m.lat, m.lon));
  const streets = batch.map((m) => streetOf(m.address));
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
    createdAt: times.map((t) => t.created),
    answeredAt: times.map((t) => t.answered),
    resolvedAt: times.map((t) => t.resolved),
    lat: batch.map((m) => m.lat),
    lon: batch.map((m) => m.lon),
    h3_5: cellColumn(5),
    h3_6: cellColumn(6),
    h3_7: cellColumn(7),
    h3_8: cellColumn(8),
    h3_9: cellColumn(9),
    h3_10: cellColumn(10),
    hash: batch.map((m, i) => contentHash(m, times[i] as (typeof times)[number])),
    // The street rule (geo streetOf) runs here, not in SQL: '' when the address names no street.
    street: streets.map((s) => s?.name ?? null),
    streetKey: streets.map((s) => s?.key ?? ''),
  };
}

/**
 * Hash of everything a message carries: equal hashes mean a re-send changes nothing. Its input
 * format is stored data (content_hash): changing it makes the next re-import rewrite every row.
 */
function contentHash(
  m: MessageInput,
  times: { created: string; answered: string | null; resolved: string | null },
): string {
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
    times.created,
    times.answered,
    times.resolved,
    m.lat,
    m.lon,
  ];
  return hash('sha1', JSON.stringify(fields), 'base64url');
}

/**
 * Moves every message `days` × 24 hours later (created, answered and resolved alike, so every time
 * to answer stays exact; local days recomputed in `timezone`), in one transaction; the rollup
 * triggers move the counts with them. The live demo uses it so that old demo data ends yesterday.
 */
export async function shiftMessageDays(sql: Sql, days: number, timezone: string): Promise<number> {
  const result = await sql`
    UPDATE messages SET
      created_at = created_at + make_interval(hours => 24 * ${days}::int),
      answered_at = answered_at + make_interval(hours => 24 * ${days}::int),
      resolved_at = resolved_at + make_interval(hours => 24 * ${days}::int),
      local_day = ((created_at + make_interval(hours => 24 * ${days}::int)) AT TIME ZONE ${timezone})::date,
      updated_at = now()`;
  return result.count;
}
