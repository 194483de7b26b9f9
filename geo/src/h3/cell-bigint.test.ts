import { describe, expect, test } from 'vitest';
import { bigIntToCell, cellToBigInt } from './cell-bigint';

describe('cellToBigInt / bigIntToCell', () => {
  test('a res-8 cell under central Budapest', () => {
    expect(cellToBigInt('881e037853fffff')).toBe(613017553362485247n);
    expect(bigIntToCell(613017553362485247n)).toBe('881e037853fffff');
  });

  test('every cell fits in a signed PostgreSQL int8', () => {
    expect(cellToBigInt('8a1e03785377fff') < 2n ** 63n).toBe(true);
  });

  test('upper-case input gives the same number', () => {
    expect(cellToBigInt('881E037853FFFFF')).toBe(613017553362485247n);
  });

  test.each(['', 'zzz', '8f283473fffffff', '881e037853ffff'])('"%s" throws E_CELL_INVALID', (cell) => {
    expect(() => cellToBigInt(cell)).toThrow(expect.objectContaining({ code: 'E_CELL_INVALID' }));
  });

  test.each([0n, -1n, 2n ** 63n - 1n])('%d is not a cell: E_CELL_INVALID', (value) => {
    expect(() => bigIntToCell(value)).toThrow(expect.objectContaining({ code: 'E_CELL_INVALID' }));
  });
});
