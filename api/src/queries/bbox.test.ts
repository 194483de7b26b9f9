import { describe, expect, test } from 'vitest';
import { parseBbox } from './bbox';

describe('parseBbox', () => {
  test('reads west,south,east,north', () => {
    expect(parseBbox('18.9,47.3,19.3,47.6')).toMatchObject({
      west: 18.9,
      south: 47.3,
      east: 19.3,
      north: 47.6,
    });
  });
  test('west > east from the eastern into the western hemisphere crosses the antimeridian', () => {
    expect(parseBbox('170,-10,-170,10')).toMatchObject({ west: 170, east: -170, crossesAntimeridian: true });
  });
  test('bad boxes are 400s naming the parameter', () => {
    expect(() => parseBbox('19.3,47.3,18.9,47.6')).toThrow(/^Invalid parameter "bbox": .*antimeridian/);
    expect(() => parseBbox('19,47,19.2')).toThrow(/"bbox".*west,south,east,north/);
    expect(() => parseBbox('0,10,10,5')).toThrow(/"bbox": south/);
  });
});
