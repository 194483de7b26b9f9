import { gridDisk } from 'h3-js';
import type { StudyArea } from './study-area-types';

/**
 * The study area and its binary weights by gridDisk: the reference construction, exact everywhere (pentagons,
 * any distance), at the price of one gridDisk per cell (about 5 µs each in h3-js).
 */
export function studyAreaByGridDisk(
  seeds: readonly string[],
  extras: readonly string[],
  k: number,
): StudyArea {
  const area = new Set<string>();
  for (const seed of seeds) for (const near of gridDisk(seed, k)) area.add(near);
  for (const cell of extras) area.add(cell);
  const cells = [...area].sort();
  const index = new Map(cells.map((cell, i) => [cell, i]));
  const neighbours = cells.map((cell) => {
    const inArea: number[] = [];
    for (const near of gridDisk(cell, k)) {
      const j = index.get(near);
      if (j !== undefined) inArea.push(j);
    }
    return inArea;
  });
  return { cells, neighbours };
}
