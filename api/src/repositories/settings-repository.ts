import type { Sql } from '../db/database';

export async function getSetting(sql: Sql, key: string): Promise<string | undefined> {
  const rows = await sql<{ value: string }[]>`SELECT value FROM app_settings WHERE key = ${key}`;
  return rows[0]?.value;
}

export async function setSetting(sql: Sql, key: string, value: string): Promise<void> {
  await sql`
    INSERT INTO app_settings (key, value) VALUES (${key}, ${value})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`;
}

/** A value made once and kept: the first writer wins, every later caller reads it. */
export async function ensureSetting(sql: Sql, key: string, make: () => string): Promise<string> {
  await sql`INSERT INTO app_settings (key, value) VALUES (${key}, ${make()}) ON CONFLICT (key) DO NOTHING`;
  const value = await getSetting(sql, key);
  if (value === undefined) throw new Error(`app_settings ${key} was not kept`);
  return value;
}

/**
 * Makes the stored `local_day`s follow `timezone`. They are computed in the zone recorded under
 * 'timezone'; when the configured zone differs, one UPDATE recomputes them (the rollup triggers
 * move the counts to their new days) and the new zone is recorded. Returns the messages moved.
 */
export async function ensureTimezone(sql: Sql, timezone: string): Promise<number> {
  const stored = await getSetting(sql, 'timezone');
  if (stored === timezone) return 0;
  let moved = 0;
  if (stored !== undefined) {
    const result = await sql`
      UPDATE messages SET local_day = (created_at AT TIME ZONE ${timezone})::date
      WHERE local_day <> (created_at AT TIME ZONE ${timezone})::date`;
    moved = result.count;
  }
  await setSetting(sql, 'timezone', timezone);
  return moved;
}
