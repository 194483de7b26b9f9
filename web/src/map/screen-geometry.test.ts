import { describe, expect, test } from 'vitest';
import type { StaffMeta } from '../api/types';
import { initialViewFor } from './screen-geometry';

function createMeta(): StaffMeta {
  return {
    timezone: 'Europe/Budapest',
    categories: [],
    sources: [],
    statuses: [],
    districts: [
      { id: 11, name: 'XI. kerület', bbox: [18.95, 47.42, 19.06, 47.49], count: 10 },
      { id: 13, name: 'XIII. kerület', bbox: [19.04, 47.51, 19.1, 47.56], count: 10 },
    ],
    extent: { from: null, to: null, bbox: [18.9, 47.3, 19.4, 47.7] },
    resolutions: { min: 5, max: 10 },
    total: 20,
    dataVersion: '1',
  };
}

describe('first view', () => {
  test("the link's view wins", () => {
    expect(initialViewFor({ lat: 47.5, lon: 19.05, z: 13 }, createMeta(), ['XIII. kerület'])).toEqual({
      lat: 47.5,
      lon: 19.05,
      zoom: 13,
    });
  });

  test("a municipal user opens on their districts' box", () => {
    expect(initialViewFor({}, createMeta(), ['XIII. kerület', 'XI. kerület'])).toEqual({
      bounds: [18.95, 47.42, 19.1, 47.56],
    });
  });

  test('everyone else on the extent of the data', () => {
    expect(initialViewFor({}, createMeta(), undefined)).toEqual({ bounds: [18.9, 47.3, 19.4, 47.7] });
  });
});
