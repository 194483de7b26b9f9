import { describe, expect, test } from 'vitest';
import { cellsForPoint } from './cells-for-point';

describe('cellsForPoint', () => {
  test('central Budapest at res 5..10', () => {
    expect(cellsForPoint(47.4979, 19.0402)).toEqual({
      5: '851e037bfffffff',
      6: '861e03787ffffff',
      7: '871e03785ffffff',
      8: '881e037853fffff',
      9: '891e0378537ffff',
      10: '8a1e03785377fff',
    });
  });

  test.each([
    [91, 0],
    [-90.5, 0],
    [0, 180.1],
    [Number.NaN, 0],
    [0, Number.POSITIVE_INFINITY],
  ])('(%d, %d) throws E_LATLNG_DOMAIN', (lat, lon) => {
    expect(() => cellsForPoint(lat, lon)).toThrow(expect.objectContaining({ code: 'E_LATLNG_DOMAIN' }));
  });
});
