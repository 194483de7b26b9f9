import type { ChangeBatch } from '../queries/data-changes-query';

/** What one caller is told about a run of changes: the last version and the days they may see. */
export interface ScopedChange {
  dataVersion: string;
  /** Local days (YYYY-MM-DD, sorted) whose data changed; null: reload everything. */
  days: string[] | null;
}

/**
 * The stream's scope rule: a caller limited to some districts hears only of changes in them, and
 * only their days; nothing at all when none of their districts changed, so the timing of another
 * district's messages never reaches them. District writes and gaps in the record (changes older than
 * the kept week) are announced to everyone as "reload everything": they are not resident data.
 */
export function scopeChanges(
  batch: ChangeBatch,
  districtIds: readonly number[] | 'all',
): ScopedChange | undefined {
  if (!batch.complete) return { dataVersion: batch.version.toString(), days: null };
  const own = districtIds === 'all' ? undefined : new Set(districtIds);
  const days = new Set<string>();
  let reload = false;
  let version: bigint | undefined;
  for (const change of batch.changes) {
    if (change.days === null || change.districtIds === null) {
      reload = true;
      version = change.version;
      continue;
    }
    let touched = false;
    change.days.forEach((day, i) => {
      const district = change.districtIds?.[i];
      if (own && (district === undefined || !own.has(district))) return;
      days.add(day);
      touched = true;
    });
    if (touched) version = change.version;
  }
  if (version === undefined) return undefined;
  return { dataVersion: version.toString(), days: reload ? null : [...days].sort() };
}
