import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SHARED_FILES, sharedDataDir, sharedDataFile } from './shared-data';

const repositoryRoot = resolve(import.meta.dirname, '../../..');

describe('the shared data folder', () => {
  test('is ../shared/data beside the repository unless HEATMAP_SHARED_DATA says otherwise', () => {
    expect(sharedDataDir({})).toBe(resolve(repositoryRoot, '../shared/data'));
    expect(sharedDataDir({ HEATMAP_SHARED_DATA: '/srv/heatmap-data/' })).toBe('/srv/heatmap-data');
    expect(sharedDataDir({ HEATMAP_SHARED_DATA: 'data' })).toBe(resolve('data'));
    expect(sharedDataFile('jarokelo', { HEATMAP_SHARED_DATA: '/srv/d' })).toBe(
      join('/srv/d', SHARED_FILES.jarokelo),
    );
  });

  test('holds the files the tests and the demo read (the developers have the folder)', () => {
    for (const name of Object.keys(SHARED_FILES) as (keyof typeof SHARED_FILES)[]) {
      expect(existsSync(sharedDataFile(name)), sharedDataFile(name)).toBe(true);
    }
  });
});
