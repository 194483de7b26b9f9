import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The developers' data folder beside the project (the Budapest districts and the Járókelő reports,
 * not shipped: see README), the one rule for where it is: HEATMAP_SHARED_DATA, else `../shared/data`
 * next to the repository. Node only (it reads the environment and the file system): exported as
 * `@heatmap/geo/shared-data`, never from the package root the web app bundles.
 */
export function sharedDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.HEATMAP_SHARED_DATA ?? join(repositoryRoot, '../shared/data'));
}

const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** The files in it, by their names in the folder. */
export const SHARED_FILES = {
  districts: 'budapest_districts.geojson',
  jarokelo: 'jarokelo_budapest_reports_2023-11_2025-10.jsonl.gz',
} as const;

/** A shared file's path, read from the environment at each call (tests may set it late). */
export function sharedDataFile(
  name: keyof typeof SHARED_FILES,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return join(sharedDataDir(env), SHARED_FILES[name]);
}
