import { getPentagons, gridDisk, gridRing, latLngToCell } from 'h3-js';
import { describe, expect, test } from 'vitest';
import { studyAreaByGridDisk } from './study-area-grid-disk';
import { studyAreaByLocalIj } from './study-area-local-ij';
import type { StudyArea } from './study-area-types';

/** Neighbour lists in ascending order: the two builders list a disk in different orders. */
function canonical(area: StudyArea | null): StudyArea | null {
  return (
    area && { cells: area.cells, neighbours: area.neighbours.map((list) => [...list].sort((a, b) => a - b)) }
  );
}

/** Seeds scattered over a disk (every 5th cell) and a few of its cells as extras. */
function scatter(centre: string, radius: number): { seeds: string[]; extras: string[] } {
  const disk = gridDisk(centre, radius);
  return { seeds: disk.filter((_, i) => i % 5 === 0), extras: disk.filter((_, i) => i % 7 === 3) };
}

describe('studyAreaByLocalIj', () => {
  test.each([
    ['central Budapest, res 8', '881e037853fffff'],
    // gridDisk(_, 3) of these spans two base cells on two icosahedron faces (28/12 on faces 3/4; 22/15 on 4/0).
    ['across a base cell and face edge near 45.12N 1.98E', '8839659757fffff'],
    ['across a base cell and face edge near 49.72N 36.14E', '882d659753fffff'],
    ['res 5 around Budapest', latLngToCell(47.4979, 19.0402, 5)],
  ])('%s: the same cells and weights as gridDisk, k = 1..3', (_, centre) => {
    const { seeds, extras } = scatter(centre, 6);
    for (const k of [1, 2, 3]) {
      expect(canonical(studyAreaByLocalIj(seeds, extras, k))).toEqual(
        canonical(studyAreaByGridDisk(seeds, extras, k)),
      );
    }
  });

  test('a box too big for the dense table (Budapest and Vienna at res 11, ~14M positions): the hash, same answer', () => {
    const seeds = [...gridDisk('8b1e03785376fff', 2), '8b1e15b712abfff'];
    const area = studyAreaByLocalIj(seeds, [], 2);
    expect(area).not.toBeNull();
    expect(canonical(area)).toEqual(canonical(studyAreaByGridDisk(seeds, [], 2)));
  });

  test('only extra cells: the same as gridDisk', () => {
    const extras = gridDisk('881e037853fffff', 2);
    expect(canonical(studyAreaByLocalIj([], extras, 1))).toEqual(
      canonical(studyAreaByGridDisk([], extras, 1)),
    );
  });

  test('nothing: an empty area', () => {
    expect(studyAreaByLocalIj([], [], 1)).toEqual({ cells: [], neighbours: [] });
  });

  test('just outside the pentagon base cells: the same as gridDisk wherever it answers', () => {
    // Rings of radius 32 around the 12 res-4 pentagons run along the edge of their base cells: about a quarter
    // of these areas lie wholly outside (the IJ plane answers), and it must then agree with gridDisk.
    let compared = 0;
    for (const pentagon of getPentagons(4)) {
      for (const centre of gridRing(pentagon, 32).filter((_, i) => i % 24 === 0)) {
        const seeds = gridDisk(centre, 4).filter((_, i) => i % 4 === 0);
        const area = studyAreaByLocalIj(seeds, [], 2);
        if (area === null) continue;
        compared++;
        expect(canonical(area)).toEqual(canonical(studyAreaByGridDisk(seeds, [], 2)));
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  test('declines (null) in a pentagon base cell, where the IJ plane has a missing wedge', () => {
    const pentagon = getPentagons(8)[0] as string;
    expect(studyAreaByLocalIj([pentagon], [], 1)).toBeNull();
    const nearby = gridDisk(pentagon, 20)[300] as string;
    expect(studyAreaByLocalIj([nearby], [], 2)).toBeNull();
  });

  test('declines (null) when the cells are too far apart to unfold', () => {
    const budapest = '881e037853fffff';
    const sydney = latLngToCell(-33.87, 151.21, 8);
    expect(studyAreaByLocalIj([budapest, sydney], [], 1)).toBeNull();
  });
});
