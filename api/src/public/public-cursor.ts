import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { badParameter } from '../queries/query-error';

/**
 * The staff cursor names the last message's id and exact creation time; the public may see neither (an id
 * leads to staff endpoints, a time is finer than a day). So a public cursor is the staff cursor sealed with
 * AES-256-GCM under a key of this process: opaque and unforgeable. After a restart (or on another instance)
 * old cursors are refused with a 400 that says to start from the first page.
 */
export class PublicCursor {
  readonly #key = randomBytes(32);

  seal(staffCursor: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const body = Buffer.concat([cipher.update(staffCursor, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  open(publicCursor: string): string {
    const raw = Buffer.from(publicCursor, 'base64url');
    if (raw.length > 28) {
      try {
        const decipher = createDecipheriv('aes-256-gcm', this.#key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      } catch {
        // Falls through: a wrong key or a forged cursor reads the same to the caller.
      }
    }
    throw badParameter(
      'cursor',
      'not a cursor this server handed out, or one from before a restart; start again from the first page',
    );
  }
}
