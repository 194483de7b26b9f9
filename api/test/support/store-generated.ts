import { shippedDistrictsFile } from '../../src/cli/generate-command';
import { generateMessages } from '../../src/generate/synthetic-messages';
import { readDistrictsFile } from '../../src/ingest/districts-file';
import type { MessageInput } from '../../src/ingest/message-input';
import { type UpsertGeneratedOptions, upsertGenerated } from '../../src/ingest/upsert-generated';
import type { TestDatabase } from '../test-database';

export interface GeneratedOptions {
  count: number;
  seed: number;
  from: string;
  to: string;
  timezone: string;
}

/** `count` synthetic messages over the shipped districts, as `heatmap generate` makes them. */
export async function shippedGenerated(options: GeneratedOptions): Promise<Iterable<MessageInput>> {
  const { count, seed, timezone } = options;
  return generateMessages({
    count,
    seed,
    districts: await readDistrictsFile(shippedDistrictsFile, 'NAME'),
    from: new Date(options.from),
    to: new Date(options.to),
    timezone,
  });
}

/** Stores `count` synthetic messages over the shipped districts, as `heatmap generate` does. */
export async function storeGenerated(
  db: TestDatabase,
  options: GeneratedOptions,
  upsert: UpsertGeneratedOptions = {},
): Promise<void> {
  await upsertGenerated(db, await shippedGenerated(options), options.timezone, upsert);
}
