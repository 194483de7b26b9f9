import { describe, expect, test } from 'vitest';
import { parseByteRange } from './byte-range';

describe('parseByteRange', () => {
  test('a closed range', () => expect(parseByteRange('bytes=0-126', 1000)).toEqual({ start: 0, end: 126 }));
  test('an end past the file is cut to the last byte', () =>
    expect(parseByteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 }));
  test('open-ended', () => expect(parseByteRange('bytes=990-', 1000)).toEqual({ start: 990, end: 999 }));
  test('a suffix', () => expect(parseByteRange('bytes=-10', 1000)).toEqual({ start: 990, end: 999 }));
  test('a suffix longer than the file is the whole file', () =>
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 }));
  test('a start at or past the end is unsatisfiable', () => {
    expect(parseByteRange('bytes=1000-1010', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 1000)).toBe('unsatisfiable');
  });
  test('no header, another unit, several ranges or a reversed one: the whole file', () => {
    expect(parseByteRange(undefined, 1000)).toBeNull();
    expect(parseByteRange('items=0-1', 1000)).toBeNull();
    expect(parseByteRange('bytes=0-1,5-6', 1000)).toBeNull();
    expect(parseByteRange('bytes=9-3', 1000)).toBeNull();
    expect(parseByteRange('bytes=-', 1000)).toBeNull();
  });
});
