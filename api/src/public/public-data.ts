import type { HeatmapQueries } from '../queries/heatmap-queries';
import type { MessageFilter } from '../queries/message-filter';
import type { Atom, AtomUnit } from '../queries/public-atoms-query';
import type { CellKeys, NoisyUnit } from './cell-keys';

/** What the public answers are computed from: the staff queries, the month atoms and the noise. */
export interface PublicData {
  queries: HeatmapQueries;
  atoms(filter: MessageFilter, unit: AtomUnit): Promise<Atom[]>;
  /** The noise, under the secret kept in the database (read once). */
  keys(): Promise<CellKeys>;
}

/** Per unit, the true counts over the filter's window and their noise. */
export async function noisyUnits(
  data: PublicData,
  filter: MessageFilter,
  unit: AtomUnit,
): Promise<Map<string, NoisyUnit>> {
  const [keys, atoms] = await Promise.all([data.keys(), data.atoms(filter, unit)]);
  return keys.units(atoms);
}
