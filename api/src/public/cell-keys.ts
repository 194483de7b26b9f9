import { createHmac } from 'node:crypto';
import { cellKeyNoise, perturbedCount, publicPart } from '@heatmap/geo';
import type { Atom, AtomMeasure } from '../queries/public-atoms-query';

const MEASURES = ['all', 'open', 'answered', 'resolved'] as const;
type Measure = (typeof MEASURES)[number];

/** A unit's true count of a measure over the window and the summed noise of its month atoms. */
export interface Noisy {
  count: number;
  noise: number;
}

export type NoisyUnit = Record<Measure, Noisy>;

/**
 * The cell-key method (docs/privacy.md, "Perturbation"): the noise of a record set is picked by an HMAC,
 * under a secret kept in app_settings, of its record-key sum and its count. A count over a window is the
 * sum of its month atoms, and so is its noise: two windows differ by whole months, and their difference
 * is those months' true counts plus their fixed noises, however many ways it is asked.
 */
export class CellKeys {
  readonly #secret: string;

  constructor(secret: string) {
    this.#secret = secret;
  }

  noise(measure: AtomMeasure): number {
    if (measure.count === 0) return 0;
    const digest = createHmac('sha256', this.#secret).update(`${measure.key}:${measure.count}`).digest();
    return cellKeyNoise(digest.readUInt32BE(0));
  }

  /** Atoms summed per unit over their months: true counts and noises. */
  units(atoms: readonly Atom[]): Map<string, NoisyUnit> {
    const units = new Map<string, NoisyUnit>();
    for (const atom of atoms) {
      let unit = units.get(atom.unit);
      if (!unit) {
        unit = emptyUnit();
        units.set(atom.unit, unit);
      }
      for (const measure of MEASURES) {
        unit[measure].count += atom[measure].count;
        unit[measure].noise += this.noise(atom[measure]);
      }
    }
    return units;
  }
}

export function emptyUnit(): NoisyUnit {
  return {
    all: { count: 0, noise: 0 },
    open: { count: 0, noise: 0 },
    answered: { count: 0, noise: 0 },
    resolved: { count: 0, noise: 0 },
  };
}

/** The published value of a count: perturbed, null under k (true or perturbed). */
export function published(value: Noisy, minCount: number): number | null {
  return perturbedCount(value.count, value.noise, { minCount });
}

/** A part of a count (open of all): only when publicPart allows it on the true values, then perturbed. */
export function publishedPart(part: Noisy, whole: Noisy, minCount: number): number | null {
  return publicPart(part.count, whole.count, minCount) === null ? null : published(part, minCount);
}

/** Several units as one (the withheld ones): counts and noises add up. */
export function sumNoisy(values: readonly Noisy[]): Noisy {
  return values.reduce((sum, v) => ({ count: sum.count + v.count, noise: sum.noise + v.noise }), {
    count: 0,
    noise: 0,
  });
}
