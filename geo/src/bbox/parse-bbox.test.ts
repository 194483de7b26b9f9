import { describe, expect, test } from 'vitest';
import { parseBbox } from './parse-bbox';

describe('parseBbox', () => {
  test('Budapest', () => {
    expect(parseBbox('18.925,47.349,19.335,47.613')).toEqual({
      west: 18.925,
      south: 47.349,
      east: 19.335,
      north: 47.613,
      crossesAntimeridian: false,
    });
  });

  test('west > east crosses the antimeridian (Chukotka)', () => {
    expect(parseBbox('170,-10,-170,10')).toEqual({
      west: 170,
      south: -10,
      east: -170,
      north: 10,
      crossesAntimeridian: true,
    });
  });

  test('the whole world, edges included, and spaces around numbers', () => {
    expect(parseBbox(' -180, -90, 180, 90 ')).toMatchObject({
      west: -180,
      north: 90,
      crossesAntimeridian: false,
    });
  });

  test('a degenerate box (a point) is allowed', () => {
    expect(parseBbox('19,47.5,19,47.5').crossesAntimeridian).toBe(false);
  });

  test.each([
    '',
    '1,2,3',
    '1,2,3,4,5',
    '1,2,3,x',
    '1,2,,4',
    '0x10,1,2,3',
    'NaN,1,2,3',
    'Infinity,1,2,3',
    '-181,0,10,10',
    '0,0,180.5,10',
    '0,-91,10,10',
    '0,0,10,90.0001',
    '0,10,10,0',
    '19.3,47.3,18.9,47.6',
    '10,0,0,10',
  ])('"%s" throws E_BBOX_INVALID', (value) => {
    expect(() => parseBbox(value)).toThrow(expect.objectContaining({ code: 'E_BBOX_INVALID' }));
  });
});
