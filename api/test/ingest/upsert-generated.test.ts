import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shippedDistrictsFile } from '../../src/cli/generate-command';
import { loadDistrictsFile } from '../../src/ingest/districts-file';
import { upsertGenerated } from '../../src/ingest/upsert-generated';
import { shippedGenerated } from '../support/store-generated';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { rollupMismatches } from './rollup-check';

const TZ = 'Europe/Budapest';

describe.each(BACKENDS)('upsertGenerated on %s', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await loadDistrictsFile(db.sql, shippedDistrictsFile, 'NAME');
  });
  afterAll(() => db.close());

  const generated = (count: number, seed: number) =>
    shippedGenerated({ count, seed, from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z', timezone: TZ });

  test('two writers, many small transactions: every message once, exact pre-aggregates', async () => {
    const progress: number[] = [];
    const totals = await upsertGenerated(db, await generated(23_456, 5), TZ, {
      writers: 2,
      rowsPerTransaction: 7_000,
      onProgress: (rows) => progress.push(rows),
    });
    expect(totals).toEqual({ inserted: 23_456, updated: 0, unchanged: 0 });
    const [row] = await db.sql<{ n: number; keys: number }[]>`
      SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS keys FROM messages`;
    expect(row).toEqual({ n: 23_456, keys: 23_456 });
    expect(progress.at(-1)).toBe(23_456);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(await rollupMismatches(db.sql)).toEqual([]);
  });

  test('the same seed again changes nothing', async () => {
    const totals = await upsertGenerated(db, await generated(23_456, 5), TZ);
    expect(totals).toEqual({ inserted: 0, updated: 0, unchanged: 23_456 });
  });
});
