/** A study area with its binary weights: `neighbours[i]` = indices into `cells` of gridDisk(cells[i], k). */
export interface StudyArea {
  /** Sorted by cell id. */
  cells: string[];
  /** Each list includes i itself. */
  neighbours: number[][];
}
