/**
 * The (di, dj) steps from a cell to every cell within grid distance k in H3's local IJ coordinates, (0, 0)
 * first. There the six neighbours are (±1, 0), (0, ±1), (1, 1) and (−1, −1), so the grid distance of a step is
 * max(|di|, |dj|, |di − dj|): 1 + 3k(k + 1) steps, as gridDisk has cells.
 */
export function diskOffsets(k: number): [number, number][] {
  const offsets: [number, number][] = [[0, 0]];
  for (let di = -k; di <= k; di++) {
    for (let dj = -k; dj <= k; dj++) {
      if ((di !== 0 || dj !== 0) && Math.max(Math.abs(di), Math.abs(dj), Math.abs(di - dj)) <= k) {
        offsets.push([di, dj]);
      }
    }
  }
  return offsets;
}
