import { once } from 'node:events';
import { createWriteStream, writeFileSync } from 'node:fs';
import { createGzip } from 'node:zlib';
import type { Config } from '../config/config';
import type { Database } from '../db/database';
import { type PlantOptions, plantClusters } from '../generate/planted-clusters';
import { generateMessages } from '../generate/synthetic-messages';
import { loadDistrictsFile, readDistrictsFile } from '../ingest/districts-file';
import type { MessageInput } from '../ingest/message-input';
import { parseTimestamp } from '../ingest/parse-timestamp';
import { upsertGenerated } from '../ingest/upsert-generated';
import { countDistricts } from '../queries/database-contents-query';
import { Progress } from './progress';
import { UsageError } from './usage';

export const shippedDistrictsFile = new URL('../../data/budapest_districts.geojson', import.meta.url)
  .pathname;
export interface GenerateCommandOptions {
  count: number;
  seed: number;
  districts?: string;
  nameField?: string;
  from?: string;
  to?: string;
  out?: string;
  /** Plant this many hotspot clusters and as many emerging ones, the background spread evenly. */
  plant?: number;
  /** Where the planted truth goes (JSON); default beside --out, else planted-truth-<seed>.json. */
  truth?: string;
}

/** `generate`: synthetic messages into the database (or an NDJSON file with `--out`). */
export async function generateCommand(
  db: Database | undefined,
  config: Config,
  options: GenerateCommandOptions,
) {
  if (!Number.isInteger(options.count) || options.count <= 0)
    throw new UsageError('--count must be a positive integer');
  if (!Number.isInteger(options.seed)) throw new UsageError('--seed must be an integer');
  const to = options.to ? date(options.to, '--to', config.timezone) : startOfTodayUtc();
  const from = options.from
    ? date(options.from, '--from', config.timezone)
    : new Date(to.getTime() - 365 * 86_400_000);
  const districtsPath = options.districts ?? shippedDistrictsFile;
  const nameField = options.nameField ?? 'NAME';
  const districts = await readDistrictsFile(districtsPath, nameField);
  if (options.plant !== undefined && (!Number.isInteger(options.plant) || options.plant <= 0))
    throw new UsageError('--plant must be a positive integer');
  const background = generateMessages({
    count: options.count,
    seed: options.seed,
    districts,
    from,
    to,
    timezone: config.timezone,
    // The generator's own concentrations would be real hotspots missing from the truth.
    ...(options.plant !== undefined && { hotspotShare: 0 }),
  });
  const planted =
    options.plant === undefined
      ? undefined
      : plant({
          clusters: options.plant,
          seed: options.seed,
          districts,
          from,
          to,
          backgroundCount: options.count,
        });
  const messages = planted ? chain(background, planted.messages) : background;
  const total = options.count + (planted?.messages.length ?? 0);
  if (planted) {
    const truthPath =
      options.truth ?? (options.out ? `${options.out}.truth.json` : `planted-truth-${options.seed}.json`);
    writeFileSync(truthPath, `${JSON.stringify(planted.truth, null, 2)}\n`);
    console.log(
      `planted ${options.plant} hotspot and ${options.plant} emerging clusters ` +
        `(${planted.messages.length} extra messages); truth in ${truthPath}`,
    );
  }
  const progress = new Progress(`generating ${total.toLocaleString('en-US')} messages`, total);
  const started = Date.now();
  if (options.out) {
    await writeNdjson(options.out, messages, (n) => progress.update(n));
    progress.finish();
    console.log(`wrote ${total} messages to ${options.out}`);
    return;
  }
  if (!db) throw new Error('generate needs a database when --out is not given');
  if ((await countDistricts(db.sql)) === 0) {
    const loaded = await loadDistrictsFile(db.sql, districtsPath, nameField);
    console.error(`loaded ${loaded.districts} districts from ${districtsPath}`);
  }
  const counts = await upsertGenerated(db, messages, config.timezone, {
    onProgress: (rows) => progress.update(rows),
  });
  progress.finish();
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `inserted ${counts.inserted}, updated ${counts.updated}, unchanged ${counts.unchanged} in ${seconds.toFixed(1)} s ` +
      `(${Math.round(total / seconds)} messages/s)`,
  );
}

/** NDJSON with the canonical field names, so `import` reads it back without --map. */
async function writeNdjson(path: string, messages: Iterable<MessageInput>, onProgress: (n: number) => void) {
  const file = createWriteStream(path);
  const gzip = path.endsWith('.gz') ? createGzip({ level: 6 }) : undefined;
  if (gzip) gzip.pipe(file);
  const out = gzip ?? file;
  let n = 0;
  let chunk: string[] = [];
  const write = async () => {
    if (!out.write(chunk.join(''))) await once(out, 'drain');
    chunk = [];
    onProgress(n);
  };
  for (const m of messages) {
    const { externalId, ...rest } = m;
    chunk.push(`${JSON.stringify({ id: externalId, ...rest })}\n`);
    n++;
    if (chunk.length >= 5000) await write();
  }
  if (chunk.length > 0) await write();
  out.end();
  await once(file, 'finish');
}

/** Planting's limits (range too short, too many clusters for the districts) are the caller's to fix. */
function plant(options: PlantOptions) {
  try {
    return plantClusters(options);
  } catch (error) {
    throw new UsageError(`--plant: ${(error as Error).message}`);
  }
}

function* chain<T>(...parts: Iterable<T>[]): Generator<T> {
  for (const part of parts) yield* part;
}

function date(value: string, flag: string, timezone: string): Date {
  const d = parseTimestamp(value, timezone);
  if (!d) throw new UsageError(`${flag} "${value}" is not a date; use 2024-01-31 or 2024-01-31T12:00:00Z`);
  return d;
}

function startOfTodayUtc(): Date {
  const now = new Date();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
