import type { Sql } from '../db/database';

export const ROLES = ['admin', 'regional', 'municipal'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  login: string;
  role: Role;
  createdAt: Date;
  /** District names as granted; see userDistrictScope for what they resolve to now. */
  districtNames: string[];
}

export interface UserWithHash extends User {
  passwordHash: string;
}

export class UserExistsError extends Error {}

interface UserRow {
  id: number;
  login: string;
  role: Role;
  created_at: Date;
  password_hash: string;
  district_names: string[];
}

const toUser = (row: UserRow): UserWithHash => ({
  id: row.id,
  login: row.login,
  role: row.role,
  createdAt: row.created_at,
  districtNames: row.district_names,
  passwordHash: row.password_hash,
});

/** Sign-in is case-insensitive: logins are stored and looked up in lower case. */
export function normaliseLogin(login: string): string {
  return login.trim().toLowerCase();
}

export async function createUser(
  sql: Sql,
  user: { login: string; role: Role; passwordHash: string; districtNames: string[] },
): Promise<User> {
  const login = normaliseLogin(user.login);
  return sql.begin(async (tx) => {
    const [row] = await tx<{ id: number }[]>`
      INSERT INTO users (login, password_hash, role)
      VALUES (${login}, ${user.passwordHash}, ${user.role})
      ON CONFLICT (login) DO NOTHING
      RETURNING id`;
    if (!row) throw new UserExistsError(`a user with login "${login}" already exists`);
    const names = [...new Set(user.districtNames)];
    await tx`
      INSERT INTO user_districts (user_id, district_name)
      SELECT ${row.id}, name FROM unnest(${names}::text[]) AS t (name)`;
    return (await findUserById(tx as unknown as Sql, row.id)) as User;
  });
}

export async function findUserByLogin(sql: Sql, login: string): Promise<UserWithHash | undefined> {
  const [row] = await sql<UserRow[]>`${selectUsers(sql)} WHERE u.login = ${normaliseLogin(login)}`;
  return row ? toUser(row) : undefined;
}

export async function findUserById(sql: Sql, id: number): Promise<UserWithHash | undefined> {
  const [row] = await sql<UserRow[]>`${selectUsers(sql)} WHERE u.id = ${id}`;
  return row ? toUser(row) : undefined;
}

export async function listUsers(sql: Sql): Promise<User[]> {
  const rows = await sql<UserRow[]>`${selectUsers(sql)} ORDER BY u.login`;
  return rows.map(toUser).map(({ passwordHash: _, ...user }) => user);
}

/** Removes the user; their sessions and district grants go with them (ON DELETE CASCADE). */
export async function deleteUser(sql: Sql, login: string): Promise<boolean> {
  const result = await sql`DELETE FROM users WHERE login = ${normaliseLogin(login)}`;
  return result.count > 0;
}

/**
 * Sets a new password and ends every session of the user: a changed password locks out a thief.
 * The browsers trusted for sign-in (sign-in limits) are forgotten too: a thief's among them.
 */
export async function setPasswordHash(sql: Sql, login: string, passwordHash: string): Promise<boolean> {
  return sql.begin(async (tx) => {
    const rows = await tx<{ id: number }[]>`
      UPDATE users SET password_hash = ${passwordHash} WHERE login = ${normaliseLogin(login)} RETURNING id`;
    const row = rows[0];
    if (!row) return false;
    await tx`DELETE FROM sessions WHERE user_id = ${row.id}`;
    await tx`DELETE FROM sign_in_devices WHERE user_id = ${row.id}`;
    return true;
  });
}

/** The named districts that exist now, for checking names before granting them. */
export async function existingDistrictNames(sql: Sql, names: string[]): Promise<string[]> {
  const rows = await sql<{ name: string }[]>`
    SELECT name FROM districts WHERE name = ANY(${names}::text[]) ORDER BY name`;
  return rows.map((r) => r.name);
}

/** Districts the user's grants resolve to now, by name (see migration 0002). */
export async function userDistricts(sql: Sql, userId: number): Promise<{ id: number; name: string }[]> {
  return sql<{ id: number; name: string }[]>`
    SELECT d.id, d.name
    FROM user_districts ud JOIN districts d ON d.name = ud.district_name
    WHERE ud.user_id = ${userId}
    ORDER BY d.name`;
}

function selectUsers(sql: Sql) {
  return sql`
    SELECT u.id, u.login, u.role, u.created_at, u.password_hash,
           coalesce(array(SELECT ud.district_name FROM user_districts ud
                          WHERE ud.user_id = u.id ORDER BY ud.district_name), '{}') AS district_names
    FROM users u`;
}
