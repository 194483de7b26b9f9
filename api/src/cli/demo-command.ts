import { existsSync } from 'node:fs';
import { sharedDataDir, sharedDataFile } from '@heatmap/geo/shared-data';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import { generateMessages } from '../generate/synthetic-messages';
import { loadDistrictsFile, readDistrictsFile } from '../ingest/districts-file';
import { ingestFile } from '../ingest/ingest-file';
import { upsertGenerated } from '../ingest/upsert-generated';
import { countDistricts, hasMessages } from '../queries/database-contents-query';
import { shippedDistrictsFile } from './generate-command';
import { printReport } from './import-command';
import { Progress } from './progress';

export const DEMO_SYNTHETIC_COUNT = 50_000;
const DEMO_SEED = 20_240_101;

/**
 * Fills an empty database for the demo: the shared Budapest districts and Járókelő reports when
 * that folder exists, else synthetic messages over the shipped districts. A database that already
 * holds districts or messages is left as it is, so a second start reuses the data.
 */
export async function seedDemo(db: Database, config: Config): Promise<'reused' | 'shared' | 'synthetic'> {
  if ((await countDistricts(db.sql)) > 0 || (await hasMessages(db.sql))) return 'reused';

  const sharedData = sharedDataDir();
  const districts = sharedDataFile('districts');
  const reports = sharedDataFile('jarokelo');
  if (existsSync(districts) && existsSync(reports)) {
    console.error(`loading the Budapest districts and Járókelő reports from ${sharedData}`);
    await loadDistrictsFile(db.sql, districts, 'NAME');
    const progress = new Progress('importing Járókelő reports', 0);
    const started = Date.now();
    const report = await ingestFile(db.sql, reports, {
      timezone: config.timezone,
      onProgress: (p) => progress.update(p.rows),
    });
    progress.finish();
    printReport(report, (Date.now() - started) / 1000, report.mappingName);
    return 'shared';
  }

  console.error(`no shared data in ${sharedData}: generating ${DEMO_SYNTHETIC_COUNT} synthetic messages`);
  await loadDistrictsFile(db.sql, shippedDistrictsFile, 'NAME');
  const to = new Date();
  const messages = generateMessages({
    count: DEMO_SYNTHETIC_COUNT,
    seed: DEMO_SEED,
    districts: await readDistrictsFile(shippedDistrictsFile, 'NAME'),
    from: new Date(to.getTime() - 365 * 86_400_000),
    to,
    timezone: config.timezone,
  });
  const progress = new Progress('generating synthetic messages', DEMO_SYNTHETIC_COUNT);
  await upsertGenerated(db, messages, config.timezone, {
    onProgress: (rows) => progress.update(rows),
  });
  progress.finish();
  return 'synthetic';
}
