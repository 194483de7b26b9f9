import { describe, expect, test } from 'vitest';
import type { DistrictShape } from '../map/layers/district-layers';
import { districtAt } from './district-at';

function square(x: number, y: number, size: number): number[][] {
  return [
    [x, y],
    [x + size, y],
    [x + size, y + size],
    [x, y + size],
    [x, y],
  ];
}

const districts: DistrictShape[] = [
  { id: 1, name: 'Ring', coordinates: [[square(0, 0, 10), square(4, 4, 2)]] },
  { id: 2, name: 'Hole filler', coordinates: [[square(4, 4, 2)]] },
];

describe('districtAt', () => {
  test('finds the district around a point', () => {
    expect(districtAt(1, 1, districts)?.name).toBe('Ring');
  });

  test('a point in a hole belongs to the district filling it', () => {
    expect(districtAt(5, 5, districts)?.name).toBe('Hole filler');
  });

  test('outside every district there is none', () => {
    expect(districtAt(20, 20, districts)).toBeUndefined();
  });
});
