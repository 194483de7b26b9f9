import { describe, expect, test } from 'vitest';
import { RequestIds } from './request-ids';

describe('RequestIds', () => {
  const ids = new RequestIds('a'.repeat(64));

  test('an id reads back; the same id gives the same token, neighbours unrelated ones', () => {
    for (const id of [1n, 2n, 37_869n, 2n ** 63n - 1n]) expect(ids.decode(ids.encode(id))).toBe(id);
    expect(ids.encode(41n)).toBe(ids.encode(41n));
    expect(ids.encode(41n)).toMatch(/^[0-9a-f]{32}$/);
    expect(ids.encode(42n).slice(0, 8)).not.toBe(ids.encode(41n).slice(0, 8));
  });

  test('another secret, a changed digit or junk decodes to nothing', () => {
    const token = ids.encode(7n);
    expect(new RequestIds('b'.repeat(64)).decode(token)).toBeNull();
    expect(ids.decode(`${token.slice(0, 31)}${token[31] === '0' ? '1' : '0'}`)).toBeNull();
    for (const junk of ['', '7', 'x'.repeat(32), `${token}0`]) expect(ids.decode(junk)).toBeNull();
  });
});
