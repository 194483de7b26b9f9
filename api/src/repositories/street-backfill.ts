import { streetOf } from '@heatmap/geo';
import type { Sql } from '../db/database';

const BATCH = 5_000;

/**
 * Reads the street of every message stored before migration 0013 (street_key NULL) with the one street
 * rule, geo streetOf, which SQL cannot run: each batch is an UPDATE, so the street counts follow through
 * their triggers and stay exact at every commit. Returns the rows read; 0 at once when none are left
 * (the partial index holds only unread rows) or when the schema predates 0013.
 */
export async function backfillStreets(sql: Sql): Promise<number> {
  const [schema] = await sql<{ ready: boolean }[]>`
    SELECT to_regclass('messages_street_unread_idx') IS NOT NULL AS ready`;
  if (!schema?.ready) return 0;
  let total = 0;
  for (;;) {
    const rows = await sql<{ id: string; address: string | null }[]>`
      SELECT id::text, address FROM messages WHERE street_key IS NULL ORDER BY id LIMIT ${BATCH}`;
    if (rows.length === 0) return total;
    const streets = rows.map((r) => streetOf(r.address));
    await sql`
      UPDATE messages m SET street = u.street, street_key = u.street_key
      FROM unnest(${rows.map((r) => r.id)}::int8[], ${streets.map((s) => s?.name ?? null)}::text[],
                  ${streets.map((s) => s?.key ?? '')}::text[]) AS u (id, street, street_key)
      WHERE m.id = u.id`;
    total += rows.length;
  }
}
