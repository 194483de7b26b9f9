import { ConfigError } from '../config/config-error';

export interface AuthConfig {
  /** HEATMAP_PUBLIC_MAP: anonymous visitors get the public, aggregated map (default on). */
  publicMap: boolean;
  /** HEATMAP_SESSION_TTL_HOURS: a session ends after this long without a request (default 12). */
  sessionTtlHours: number;
  /** HEATMAP_COOKIE_SECURE: cookies only over HTTPS (default: on in production). */
  cookieSecure: boolean;
}

/** However active, a session ends this long after sign-in: a stolen cookie is not forever. */
export const SESSION_MAX_AGE_HOURS = 30 * 24;

/** Reads the auth settings from the environment, as part of loadConfig. */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const production = env.NODE_ENV === 'production';
  const ttl = Number(env.HEATMAP_SESSION_TTL_HOURS ?? 12);
  if (!Number.isFinite(ttl) || ttl <= 0 || ttl > SESSION_MAX_AGE_HOURS) {
    throw new ConfigError(
      `HEATMAP_SESSION_TTL_HOURS must be a number of hours above 0 and at most ${SESSION_MAX_AGE_HOURS}, got "${env.HEATMAP_SESSION_TTL_HOURS}"`,
    );
  }
  return {
    publicMap: readBoolean(env, 'HEATMAP_PUBLIC_MAP', true),
    sessionTtlHours: ttl,
    cookieSecure: readBoolean(env, 'HEATMAP_COOKIE_SECURE', production),
  };
}

/** An on/off setting: on/off, true/false, 1/0, yes/no; empty or absent: the fallback. */
export function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'on', 'yes'].includes(value)) return true;
  if (['0', 'false', 'off', 'no'].includes(value)) return false;
  throw new ConfigError(`${name} must be on or off (true/false, 1/0), got "${raw}"`);
}
