import { describe, expect, test } from 'vitest';
import { bboxContains, districtsBounds, paddedBbox, viewBboxParam } from './bbox';

describe('paddedBbox', () => {
  test('contains the view with a margin, rounded outward', () => {
    const view: [number, number, number, number] = [19.0123, 47.4456, 19.1234, 47.5567];
    const padded = paddedBbox(view);
    expect(padded).toEqual([18.98, 47.41, 19.16, 47.59]);
    expect(bboxContains(padded, view)).toBe(true);
    expect(bboxContains(view, padded)).toBe(false);
  });
});

describe('districtsBounds', () => {
  test("is the union of the chosen districts' boxes", () => {
    const districts = [
      { name: 'I. kerület', bbox: [19.02, 47.48, 19.05, 47.51] },
      { name: 'II. kerület', bbox: [18.92, 47.5, 19.04, 47.58] },
      { name: 'III. kerület', bbox: [18.92, 47.53, 19.07, 47.62] },
    ];
    expect(districtsBounds(districts, ['I. kerület', 'II. kerület'])).toEqual([18.92, 47.48, 19.05, 47.58]);
    expect(districtsBounds(districts, ['nowhere'])).toBeNull();
  });
});

describe('viewBboxParam', () => {
  test('rounds outward, so the export holds everything on screen', () => {
    expect(viewBboxParam([19.012345678, 47.445678901, 19.123456789, 47.556789012])).toBe(
      '19.01234,47.44567,19.12346,47.55679',
    );
  });

  test('a view across the antimeridian or a pole is clamped to valid coordinates', () => {
    expect(viewBboxParam([-200, -95, 200, 95])).toBe('-180,-90,180,90');
  });
});
