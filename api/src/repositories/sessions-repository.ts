import type { Sql } from '../db/database';
import type { Role } from './users-repository';

export interface SessionUser {
  userId: number;
  login: string;
  role: Role;
  /** The user's districts as they resolve now (by name); empty for a municipal user: sees nothing. */
  districts: { id: number; name: string }[];
  expiresAt: Date;
  lastSeenAt: Date;
}

export async function createSession(
  sql: Sql,
  session: { tokenHash: string; userId: number; ttlHours: number },
): Promise<void> {
  await sql`
    INSERT INTO sessions (token_hash, user_id, expires_at)
    VALUES (${session.tokenHash}, ${session.userId}, now() + make_interval(secs => ${session.ttlHours * 3600}))`;
}

/**
 * The signed-in user behind a token hash, or undefined when there is none or it has expired
 * (by inactivity, `expires_at`, or by age, `maxAgeHours` since sign-in).
 */
export async function findSessionUser(
  sql: Sql,
  tokenHash: string,
  maxAgeHours: number,
): Promise<SessionUser | undefined> {
  const [row] = await sql<
    {
      user_id: number;
      login: string;
      role: Role;
      districts: { id: number; name: string }[];
      expires_at: Date;
      last_seen_at: Date;
    }[]
  >`
    SELECT s.user_id, u.login, u.role, s.expires_at, s.last_seen_at,
           coalesce((SELECT json_agg(json_build_object('id', d.id, 'name', d.name) ORDER BY d.name)
                     FROM user_districts ud JOIN districts d ON d.name = ud.district_name
                     WHERE ud.user_id = u.id), '[]'::json) AS districts
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.token_hash = ${tokenHash}
      AND s.expires_at > now()
      AND s.created_at > now() - make_interval(secs => ${maxAgeHours * 3600})`;
  if (!row) return undefined;
  return {
    userId: row.user_id,
    login: row.login,
    role: row.role,
    districts: row.districts,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
  };
}

/** Sliding expiry: activity pushes the end of the session `ttlHours` past now. */
export async function touchSession(sql: Sql, tokenHash: string, ttlHours: number): Promise<void> {
  await sql`
    UPDATE sessions
    SET last_seen_at = now(), expires_at = now() + make_interval(secs => ${ttlHours * 3600})
    WHERE token_hash = ${tokenHash} AND expires_at > now()`;
}

export async function deleteSession(sql: Sql, tokenHash: string): Promise<void> {
  await sql`DELETE FROM sessions WHERE token_hash = ${tokenHash}`;
}

/** Housekeeping, run on sign-in: expired rows are useless and only grow the table. */
export async function deleteExpiredSessions(sql: Sql, maxAgeHours: number): Promise<number> {
  const result = await sql`
    DELETE FROM sessions
    WHERE expires_at <= now() OR created_at <= now() - make_interval(secs => ${maxAgeHours * 3600})`;
  return result.count;
}
