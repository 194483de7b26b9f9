import { createHash, randomBytes } from 'node:crypto';

/** A recognisable prefix: secret scanners and people can tell an ingest key from other tokens. */
const PREFIX = 'hmk_';

/** 256 random bits: shown once when created, never stored. */
export function newApiKey(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** What api_keys stores: SHA-256 is enough for a 256-bit random secret (no KDF needed). */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** Only a string shaped like a key is looked up: anything else cannot match and costs no query. */
export function looksLikeApiKey(value: string): boolean {
  return /^hmk_[A-Za-z0-9_-]{43}$/.test(value);
}
