import { gridDisk } from 'h3-js';
import { describe, expect, test } from 'vitest';
import { hotspotStudyArea } from './study-area';

// Central Budapest at res 8 and its six neighbours (gridDisk order: the centre first).
const CENTRE = '881e037853fffff';
const DISK = [
  '881e037853fffff',
  '881e037851fffff',
  '881e037857fffff',
  '881e037819fffff',
  '881e037aa5fffff',
  '881e037aadfffff',
  '881e03785bfffff',
];

describe('hotspotStudyArea', () => {
  test('one cell with messages at k = 1: the cell and its six neighbours, sorted', () => {
    expect(hotspotStudyArea(new Map([[CENTRE, 3]]), { k: 1 }).cells).toEqual([...DISK].sort());
  });

  test('k = 2 and k = 3 take the wider rings (19 and 37 cells)', () => {
    expect(hotspotStudyArea(new Map([[CENTRE, 1]]), { k: 2 }).cells).toHaveLength(19);
    expect(hotspotStudyArea(new Map([[CENTRE, 1]]), { k: 3 }).cells).toEqual(gridDisk(CENTRE, 3).sort());
  });

  test('a cell with a count of 0 does not seed the area', () => {
    expect(hotspotStudyArea(new Map([[CENTRE, 0]]), { k: 1 }).cells).toEqual([]);
  });

  test('extra cells (district cells) join as they are, without their rings', () => {
    const far = '881e0378e3fffff';
    const area = hotspotStudyArea(new Map([[CENTRE, 2]]), { k: 1, extraCells: [far, CENTRE] });
    expect(area.cells).toEqual([...DISK, far].sort());
  });

  test('ringsWithin keeps ring cells only inside the given set; cells with messages always stay', () => {
    const inside = new Set(DISK.slice(0, 3));
    const seed = '881e037aa5fffff';
    const area = hotspotStudyArea(
      new Map([
        [CENTRE, 2],
        [seed, 1],
      ]),
      { k: 1, extraCells: inside, ringsWithin: inside },
    );
    expect(area.cells).toEqual([...inside, seed].sort());
    const centre = area.cells.indexOf(CENTRE);
    expect(area.neighbours[centre]?.map((j) => area.cells[j]).sort()).toEqual([...inside, seed].sort());
    const own = area.cells.indexOf(seed);
    const near = gridDisk(seed, 1).filter((cell) => area.cells.includes(cell));
    expect(area.neighbours[own]?.map((j) => area.cells[j]).sort()).toEqual(near.sort());
    expect(near).toContain(CENTRE);
  });

  test("a pentagon's disk has six cells", () => {
    expect(hotspotStudyArea(new Map([['8808000001fffff', 1]]), { k: 1 }).cells).toHaveLength(6);
  });

  test('an invalid cell or mixed resolutions: E_CELL_INVALID', () => {
    const invalid = expect.objectContaining({ code: 'E_CELL_INVALID' });
    expect(() => hotspotStudyArea(new Map([['not-a-cell', 1]]), { k: 1 })).toThrow(invalid);
    expect(() => hotspotStudyArea(new Map([[CENTRE, 1]]), { k: 1, extraCells: ['871e03785ffffff'] })).toThrow(
      invalid,
    );
  });

  test('k outside 1..3 or a negative count is refused', () => {
    expect(() => hotspotStudyArea(new Map([[CENTRE, 1]]), { k: 0 })).toThrow(RangeError);
    expect(() => hotspotStudyArea(new Map([[CENTRE, 1]]), { k: 4 })).toThrow(RangeError);
    expect(() => hotspotStudyArea(new Map([[CENTRE, -1]]), { k: 1 })).toThrow(RangeError);
  });
});

describe('hotspotStudyArea weights', () => {
  test('each cell lists the cells of its disk that are in the area, itself included', () => {
    const { cells, neighbours } = hotspotStudyArea(new Map([[CENTRE, 3]]), { k: 1 });
    const centre = cells.indexOf(CENTRE);
    expect(neighbours[centre]?.map((j) => cells[j]).sort()).toEqual([...DISK].sort());
    // A ring cell sees itself, the centre and its two ring neighbours.
    cells.forEach((cell, i) => {
      if (cell !== CENTRE) expect(neighbours[i]).toHaveLength(4);
      expect(neighbours[i]).toContain(i);
    });
  });

  test('far-apart cells (no common IJ plane) still get exact weights, by gridDisk', () => {
    const sydney = '88be0e35cbfffff';
    const { cells, neighbours } = hotspotStudyArea(
      new Map([
        [CENTRE, 1],
        [sydney, 1],
      ]),
      { k: 1 },
    );
    expect(cells).toHaveLength(14);
    expect(neighbours.map((list) => list.length).sort()).toEqual([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 7, 7]);
  });
});
