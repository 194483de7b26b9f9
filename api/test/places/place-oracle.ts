import { streetOf } from '@heatmap/geo';
import type { Sql } from '../../src/db/database';

export interface OraclePlace {
  district: string | null;
  street: string | null;
  /** How many of the counted messages name that street. */
  streetCount: number;
  label: string | null;
}

/**
 * A cell's place read straight from messages, the street rule run here in TypeScript: the most frequent
 * district and street key over all time (ties: first in order), the key named by its most written spelling
 * over all messages. `district` limits the counted messages (a municipal account); `minStreet` is the public rule.
 */
export async function oraclePlace(
  sql: Sql,
  h3: string,
  res: number,
  options: { districts?: string[]; minStreet?: number } = {},
): Promise<OraclePlace> {
  const rows = await sql<{ district: string | null; address: string | null }[]>`
    SELECT d.name AS district, m.address FROM messages m LEFT JOIN districts d ON d.id = m.district_id
    WHERE ${sql(`m.h3_${res}`)} = ${BigInt(`0x${h3}`).toString()}::int8
      AND (${options.districts ?? null}::text[] IS NULL OR d.name = ANY(${options.districts ?? null}::text[]))`;
  const districts = new Map<string, number>();
  const streets = new Map<string, number>();
  for (const row of rows) {
    if (row.district) districts.set(row.district, (districts.get(row.district) ?? 0) + 1);
    const key = streetOf(row.address)?.key;
    if (key) streets.set(key, (streets.get(key) ?? 0) + 1);
  }
  const top = (counts: Map<string, number>) =>
    [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? null;
  const district = top(districts)?.[0] ?? null;
  const [key, streetCount] = top(streets) ?? [null, 0];
  const street = key !== null && streetCount >= (options.minStreet ?? 1) ? await spelling(sql, key) : null;
  const label = [district, street].filter((part) => part !== null).join(', ') || null;
  return { district, street, streetCount, label };
}

const spellingsRead = new WeakMap<Sql, Promise<Map<string, Map<string, number>>>>();

/** The most written spelling of a street key over all messages, by the street rule in TypeScript. */
async function spelling(sql: Sql, key: string): Promise<string | null> {
  if (!spellingsRead.has(sql)) spellingsRead.set(sql, readSpellings(sql));
  const names = (await spellingsRead.get(sql))?.get(key) ?? new Map<string, number>();
  return [...names].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? null;
}

/** Spelling counts by key; read once per database (the tests that use it do not write). */
async function readSpellings(sql: Sql): Promise<Map<string, Map<string, number>>> {
  const rows = await sql<{ address: string; n: number }[]>`
    SELECT address, count(*)::int AS n FROM messages WHERE address IS NOT NULL GROUP BY 1`;
  const byKey = new Map<string, Map<string, number>>();
  for (const row of rows) {
    const street = streetOf(row.address);
    if (!street) continue;
    const names = byKey.get(street.key) ?? new Map<string, number>();
    byKey.set(street.key, names);
    names.set(street.name, (names.get(street.name) ?? 0) + row.n);
  }
  return byKey;
}
