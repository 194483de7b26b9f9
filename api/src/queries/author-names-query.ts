import type { Sql } from '../db/database';

/** The authors of some messages, by message id: the staff message shape leaves them out. */
export async function authorsOfMessages(sql: Sql, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await sql<{ id: string; author: string }[]>`
    SELECT id::text AS id, author FROM messages WHERE id = ANY(${ids as string[]}::int8[]) AND author IS NOT NULL`;
  return new Map(rows.map((r) => [r.id, r.author]));
}

/** Every author name in the data, with the data_version it was read at (one transaction, one snapshot). */
export async function registeredAuthors(sql: Sql): Promise<{ version: string; authors: string[] }> {
  return sql.begin('ISOLATION LEVEL REPEATABLE READ READ ONLY', async (tx) => {
    const [row] = await tx<{ value: string }[]>`SELECT value FROM app_settings WHERE key = 'data_version'`;
    const rows = await tx<{ author: string }[]>`
      SELECT DISTINCT author FROM messages WHERE author IS NOT NULL`;
    return { version: row?.value ?? '', authors: rows.map((r) => r.author) };
  });
}

/** The current data_version: changes whenever messages change. */
export async function dataVersion(sql: Sql): Promise<string> {
  const [row] = await sql<{ value: string }[]>`SELECT value FROM app_settings WHERE key = 'data_version'`;
  return row?.value ?? '';
}
