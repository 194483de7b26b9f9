import { describe, expect, test } from 'vitest';
import { cellOutlineProps } from './cell-outline-layer';

type Accessor<T> = (cell: string) => T;

describe('cellOutlineProps', () => {
  test('outlines exactly the one cell, unfilled and flat, in the given colour and pixel width', () => {
    const props = cellOutlineProps({
      id: 'selected-cell',
      cell: '881e031b3bfffff',
      color: [230, 57, 70, 255],
      width: 4,
    });
    expect(props).toMatchObject({
      id: 'selected-cell',
      data: ['881e031b3bfffff'],
      filled: false,
      stroked: true,
      extruded: false,
      getLineColor: [230, 57, 70, 255],
      lineWidthUnits: 'pixels',
      getLineWidth: 4,
    });
    expect((props.getHexagon as Accessor<string>)('881e031b3bfffff')).toBe('881e031b3bfffff');
  });

  test('the staff selection and the wall focus differ only in id, colour and width', () => {
    const staff = cellOutlineProps({ id: 'selected-cell', cell: 'a', color: [230, 57, 70, 255], width: 4 });
    const wall = cellOutlineProps({ id: 'wall-focus-cell', cell: 'a', color: [255, 64, 80, 255], width: 6 });
    const { id: _a, getLineColor: _b, getLineWidth: _c, getHexagon: _d, ...staffRest } = staff;
    const { id: _e, getLineColor: _f, getLineWidth: _g, getHexagon: _h, ...wallRest } = wall;
    expect(wallRest).toEqual(staffRest);
  });
});
