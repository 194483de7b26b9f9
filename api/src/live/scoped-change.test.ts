import { describe, expect, test } from 'vitest';
import type { ChangeBatch, DataChange } from '../queries/data-changes-query';
import { scopeChanges } from './scoped-change';

const change = (version: number, pairs: [string, number][] | null): DataChange => ({
  version: BigInt(version),
  days: pairs?.map(([day]) => day) ?? null,
  districtIds: pairs?.map(([, district]) => district) ?? null,
});
const batch = (
  changes: DataChange[],
  complete = true,
  version = changes.at(-1)?.version ?? 0n,
): ChangeBatch => ({
  since: 0n,
  version,
  changes,
  complete,
});

describe('scopeChanges', () => {
  const run = batch([
    change(7, [
      ['2025-03-02', 1],
      ['2025-03-01', 2],
    ]),
    change(8, [['2025-03-02', 2]]),
    change(9, [['2025-02-28', 0]]),
  ]);

  test('the whole region hears every day, sorted and once, at the last version', () => {
    expect(scopeChanges(run, 'all')).toEqual({
      dataVersion: '9',
      days: ['2025-02-28', '2025-03-01', '2025-03-02'],
    });
  });

  test('a district caller hears only its days, at the last version that touched it', () => {
    expect(scopeChanges(run, [1])).toEqual({ dataVersion: '7', days: ['2025-03-02'] });
    expect(scopeChanges(run, [2])).toEqual({ dataVersion: '8', days: ['2025-03-01', '2025-03-02'] });
  });

  test('a district caller hears nothing of changes outside its districts', () => {
    expect(scopeChanges(run, [3])).toBeUndefined();
    expect(scopeChanges(run, [])).toBeUndefined();
  });

  test('a district write is "reload everything" for everyone', () => {
    const districts = batch([change(7, [['2025-03-02', 1]]), change(8, null)]);
    expect(scopeChanges(districts, 'all')).toEqual({ dataVersion: '8', days: null });
    expect(scopeChanges(districts, [5])).toEqual({ dataVersion: '8', days: null });
  });

  test('a gap in the record is "reload everything" at the version read', () => {
    expect(scopeChanges(batch([change(9, [['2025-03-02', 1]])], false, 9n), [4])).toEqual({
      dataVersion: '9',
      days: null,
    });
  });

  test('an empty batch says nothing', () => {
    expect(scopeChanges(batch([], true, 3n), 'all')).toBeUndefined();
  });
});
