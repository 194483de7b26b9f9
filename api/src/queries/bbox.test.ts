import { describe, expect, test } from 'vitest';
import { parseBbox } from './bbox';

describe('parseBbox', () => {
  test('reads west,south,east,north', () => {
    expect(parseBbox('18.9,47.3,19.3,47.6')).toEqual({ west: 18.9, south: 47.3, east: 19.3, north: 47.6 });
  });
  test('west > east from the eastern into the western hemisphere crosses the antimeridian', () => {
    expect(parseBbox('170,-10,-170,10')).toEqual({ west: 170, south: -10, east: -170, north: 10 });
  });
  test('a swapped pair in one hemisphere is rejected', () => {
    expect(() => parseBbox('19.3,47.3,18.9,47.6')).toThrow(/not an antimeridian crossing/);
  });
  test('out-of-range and malformed boxes are rejected', () => {
    expect(() => parseBbox('19,47,19.2')).toThrow(/four numbers/);
    expect(() => parseBbox('-181,0,10,1')).toThrow(/-180 to 180/);
    expect(() => parseBbox('0,91,10,92')).toThrow(/-90 to 90/);
    expect(() => parseBbox('0,10,10,5')).toThrow(/south \(10\) is greater than north \(5\)/);
  });
});
