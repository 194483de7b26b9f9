import { shippedDistrictsFile } from '../../src/cli/generate-command';
import { generateMessages } from '../../src/generate/synthetic-messages';
import { readDistrictsFile } from '../../src/ingest/districts-file';
import { upsertGenerated } from '../../src/ingest/upsert-generated';
import type { TestDatabase } from '../test-database';

/** Stores `count` synthetic messages over the shipped districts, as `heatmap generate` does. */
export async function storeGenerated(
  db: TestDatabase,
  options: { count: number; seed: number; from: string; to: string; timezone: string },
): Promise<void> {
  const districts = await readDistrictsFile(shippedDistrictsFile, 'NAME');
  const { count, seed, timezone } = options;
  const messages = generateMessages({
    count,
    seed,
    districts,
    from: new Date(options.from),
    to: new Date(options.to),
    timezone,
  });
  await upsertGenerated(db, messages, timezone);
}
