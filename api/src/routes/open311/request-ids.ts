import { createCipheriv, createDecipheriv, createHmac } from 'node:crypto';

/**
 * Open311's service_request_id: the message id enciphered as one AES block under a key kept in the
 * database. Stable (the same message, the same id, across restarts and instances) and opaque: our ids are
 * a sequence, and the gaps between the ids of public requests would count the messages the public view
 * withholds. The 8 zero bytes beside the id make a forged or mistyped id decode to nothing.
 */
export class RequestIds {
  readonly #key: Buffer;

  constructor(secret: string) {
    this.#key = createHmac('sha256', secret).update('open311-service-request-id').digest().subarray(0, 16);
  }

  encode(id: bigint): string {
    const block = Buffer.alloc(16);
    block.writeBigUInt64BE(id, 8);
    const cipher = createCipheriv('aes-128-ecb', this.#key, null).setAutoPadding(false);
    return Buffer.concat([cipher.update(block), cipher.final()]).toString('hex');
  }

  /** The message id, or null for anything this server did not issue. */
  decode(token: string): bigint | null {
    if (!/^[0-9a-f]{32}$/.test(token)) return null;
    const decipher = createDecipheriv('aes-128-ecb', this.#key, null).setAutoPadding(false);
    const block = Buffer.concat([decipher.update(Buffer.from(token, 'hex')), decipher.final()]);
    return block.readBigUInt64BE(0) === 0n ? block.readBigUInt64BE(8) : null;
  }
}
