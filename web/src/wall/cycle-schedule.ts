/** One thing the wall shows for a while. */
export type WallStep =
  | { kind: 'hotspot'; h3: string; rank: number; count: number }
  | { kind: 'district'; id: number; name: string }
  | { kind: 'playback' }
  | { kind: 'news' }
  | { kind: 'overview' };

export interface ScheduledStep {
  step: WallStep;
  durationMs: number;
  /** Stable across rebuilds with the same content: the cycle resumes at the step after it. */
  key: string;
}

export interface CycleInput {
  /** Busiest first. */
  hotspots: readonly { h3: string; count: number }[];
  districts: readonly { id: number; name: string }[];
  stepMs: number;
  playbackMs: number;
  /** False when no playback data is available (e.g. the public API serves no hourly buckets). */
  playback: boolean;
  /** Whether there are new or intensifying hotspots or spikes today to show (never on the public API). */
  news?: boolean;
}

function keyOf(step: WallStep, occurrence: number): string {
  switch (step.kind) {
    case 'hotspot':
      return `hotspot:${step.h3}`;
    case 'district':
      return `district:${step.id}`;
    default:
      return `${step.kind}:${occurrence}`;
  }
}

/**
 * One loop of the wall: what is new (new and intensifying hotspots, today's spikes) when there is any,
 * the hotspots busiest first, the playback, the districts, the playback again. Never empty: with nothing
 * to show it holds the overview.
 */
export function buildCycle(input: CycleInput): ScheduledStep[] {
  const steps: ScheduledStep[] = [];
  const add = (step: WallStep, durationMs: number, occurrence = 0) =>
    steps.push({ step, durationMs, key: keyOf(step, occurrence) });
  if (input.news) add({ kind: 'news' }, input.stepMs);
  input.hotspots.forEach((cell, index) => {
    add({ kind: 'hotspot', h3: cell.h3, rank: index + 1, count: cell.count }, input.stepMs);
  });
  if (input.playback && input.hotspots.length > 0) add({ kind: 'playback' }, input.playbackMs, 0);
  for (const district of input.districts) {
    add({ kind: 'district', id: district.id, name: district.name }, input.stepMs);
  }
  if (input.playback) add({ kind: 'playback' }, input.playbackMs, 1);
  if (steps.length === 0) add({ kind: 'overview' }, input.stepMs);
  return steps;
}

/**
 * Where to go after `currentKey` in a (possibly rebuilt) cycle: the step after the same key, or the
 * start when that step is gone. Returns the index and whether the move wraps to a new loop.
 */
export function nextIndex(
  cycle: readonly ScheduledStep[],
  currentKey: string | null,
): {
  index: number;
  wrapped: boolean;
} {
  const at = currentKey === null ? -1 : cycle.findIndex((entry) => entry.key === currentKey);
  if (at < 0) return { index: 0, wrapped: currentKey !== null };
  const index = (at + 1) % cycle.length;
  return { index, wrapped: index === 0 };
}
