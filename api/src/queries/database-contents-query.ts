import type { Sql } from '../db/database';

/** How much a database already holds: the CLI seeds only what is missing. */
export async function countUsers(sql: Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM users`;
  return row?.n ?? 0;
}

export async function countDistricts(sql: Sql): Promise<number> {
  const [row] = await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM districts`;
  return row?.n ?? 0;
}

export async function hasMessages(sql: Sql): Promise<boolean> {
  const [row] = await sql<{ any: boolean }[]>`SELECT EXISTS (SELECT 1 FROM messages) AS any`;
  return row?.any ?? false;
}

/** One round-trip that needs no table: the readiness probe asks whether the database answers at all. */
export async function databaseAnswers(sql: Sql): Promise<void> {
  await sql`SELECT 1`;
}
