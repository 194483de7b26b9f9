import { streetKey } from './street-key';
import { streetOfAddress } from './street-of-address';

/** A message's street: `name` as written (house and flat numbers stripped), `key` its merged form. */
export interface Street {
  name: string;
  key: string;
}

/**
 * The street of a free-text address with the key its spelling variants share (streetOfAddress, then
 * streetKey); null when the address names no street. The one street rule: the ingester stores both with
 * each message, and the database counts places by the key.
 */
export function streetOf(address: string | null | undefined): Street | null {
  const written = streetOfAddress(address);
  if (written === null) return null;
  const key = streetKey(written);
  if (key === '') return null;
  return { name: written.replace(/\s+/g, ' ').trim(), key };
}
