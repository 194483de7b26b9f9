export const USAGE = `Usage: pnpm heatmap <command> [options]

Commands:
  demo                         migrate; load the shared Budapest data (or generate ~50k synthetic
                               messages) when the database is empty; then serve
  serve                        serve the API and the built web app on HOST:PORT
  migrate                      apply pending database migrations
  import <file> [options]      import messages from .csv, .json, .ndjson/.jsonl or .geojson (+ .gz)
      --map field=column,...   the column for each field: id, createdAt, category, lat, lon, title,
                               text, status, answeredAt, resolvedAt, source, address, executor,
                               url, author, authorUrl (required: createdAt, category, lat, lon;
                               a field not named reads the column of the same name)
      --source NAME            source for rows that carry none (default: import)
      --timezone IANA          zone of naive timestamps (default: HEATMAP_TIMEZONE)
      --max-unpacked-mb N      a .gz file unpacking to more fails, writing nothing (default: 4096)
  districts <file> --name-field NAME
                               load or replace district polygons from GeoJSON; messages are re-assigned
  generate --count N --seed S [--districts file] [--from DATE] [--to DATE] [--out file]
                               deterministic synthetic messages (default range: the year before today;
                               default districts: the shipped Budapest districts); --out writes NDJSON
                               (.gz compresses) instead of the database
      --plant N [--truth FILE] plant N hotspot and N emerging clusters over an even background; the
                               truth as JSON (default: <out>.truth.json, else planted-truth-<seed>.json)
  maintain                     re-lay the pre-aggregates in key order (CLUSTER) after imports changed
                               them: faster filtered reads; each table is locked for its rewrite
                               (seconds at millions of messages), so run it at night (cron)
  replay <file> [--speed N] [--shift-to-now] [--url URL] [--key KEY]
                               send a file's messages (then their answers and resolutions) to a running
                               server through its HTTP API as they happened, N times faster
  user add|list|remove|passwd  manage sign-in accounts (pnpm heatmap user --help)
  apikey add|list|remove       API keys: write one source, read a scope (pnpm heatmap apikey --help)
  basemap check <file>         a PMTiles street basemap: tile type, zooms, bounds, and whether it
                               covers the loaded districts (exit 1 if not)

Environment: DATABASE_URL (absent: embedded PGlite under HEATMAP_DATA_DIR), DATABASE_READ_URL,
DATABASE_POOL_MODE, PORT, HOST,
HEATMAP_TIMEZONE, HEATMAP_INGEST_TOKEN, HEATMAP_INGEST_SOURCE, HEATMAP_BASEMAP. Without --map, a file with the Járókelő columns is read
with the built-in Járókelő mapping, any other with the canonical field names.
`;

/** Bad command line: printed with a hint, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * A command with subcommands (`user add`, `apikey list` …): runs the one `argv` names. A usage error (ours
 * or parseArgs') prints its message and the command's usage and resolves to exit code 2; other errors are
 * the caller's.
 */
export async function runSubcommand(
  argv: readonly string[],
  subcommands: Record<string, (args: string[]) => Promise<number>>,
  usage: string,
  stderr: NodeJS.WritableStream,
): Promise<number> {
  const [name, ...rest] = argv;
  try {
    // Own names only: `user toString` is an unknown subcommand, not Object.prototype's.
    const run = name !== undefined && Object.hasOwn(subcommands, name) ? subcommands[name] : undefined;
    if (!run) throw new UsageError(name ? `unknown subcommand "${name}"` : 'a subcommand is needed');
    return await run(rest);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      stderr.write(`${(error as Error).message}\n\n${usage}\n`);
      return 2;
    }
    throw error;
  }
}
