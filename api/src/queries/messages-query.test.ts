import { describe, expect, test } from 'vitest';
import { decodeCursor, encodeCursor, escapeLike } from './messages-query';

describe('escapeLike', () => {
  test('makes %, _ and \\ literal', () => {
    expect(escapeLike('100% _x_ a\\b')).toBe('100\\% \\_x\\_ a\\\\b');
  });
});

describe('cursor', () => {
  test('round-trips created microseconds and id', () => {
    expect(decodeCursor(encodeCursor(1717236000123456n, 42n))).toEqual({
      micros: '1717236000123456',
      id: '42',
    });
  });
  test('rejects anything else', () => {
    expect(() => decodeCursor(Buffer.from('1;DROP TABLE messages').toString('base64url'))).toThrow(/cursor/);
  });
});
