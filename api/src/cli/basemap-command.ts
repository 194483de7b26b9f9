import { type BasemapArchive, BasemapFileError, readPmtilesArchive } from '../basemap/pmtiles-header';
import type { Sql } from '../db/database';
import { type Extent, queryDistrictsExtent } from '../queries/districts-extent-query';
import { runSubcommand, UsageError } from './usage';

export interface BasemapCommandIo {
  /** Opened only once the file is read: the loaded districts, to check the archive covers them. */
  openSql(): Promise<{ sql: Sql; close(): Promise<void> }>;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export const BASEMAP_USAGE = `Usage:
  heatmap basemap check <file.pmtiles>

Reads the archive's header (as the server does at start with HEATMAP_BASEMAP) and prints its tile
type, zooms, bounds and centre, and whether the bounds cover the loaded districts. Exit 0 when the
file can be served and covers them, 1 otherwise.`;

/** `heatmap basemap …`: `argv` is what follows `basemap`. Resolves to the exit code. */
export function runBasemapCommand(argv: readonly string[], io: BasemapCommandIo): Promise<number> {
  return runSubcommand(argv, { check: (args) => check(args, io) }, BASEMAP_USAGE, io.stderr);
}

async function check(args: string[], io: BasemapCommandIo): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) throw new UsageError('basemap check needs one file');
  let archive: BasemapArchive;
  try {
    archive = await readPmtilesArchive(file);
  } catch (error) {
    if (!(error instanceof BasemapFileError)) throw error;
    io.stderr.write(`${error.message.replace(/^HEATMAP_BASEMAP: /, '')}\n`);
    return 1;
  }
  const { header } = archive;
  const bounds: Extent = [header.minLon, header.minLat, header.maxLon, header.maxLat];
  io.stdout.write(
    [
      `file:      ${file} (${archive.size} bytes, PMTiles v3)`,
      `tiles:     ${archive.tileType}`,
      `zooms:     ${header.minZoom}–${header.maxZoom}`,
      `bounds:    ${bounds.map((v) => v.toFixed(5)).join(', ')} (west, south, east, north)`,
      `centre:    ${header.centerLon.toFixed(5)}, ${header.centerLat.toFixed(5)} at zoom ${header.centerZoom}`,
      '',
    ].join('\n'),
  );
  const db = await io.openSql();
  try {
    const districts = await queryDistrictsExtent(db.sql);
    if (!districts) {
      io.stdout.write('districts: none loaded, nothing to compare\n');
      return archive.tileType === 'mvt' ? 0 : 1;
    }
    const covers = contains(bounds, districts);
    io.stdout.write(
      `districts: ${districts.map((v) => v.toFixed(5)).join(', ')}: ${covers ? 'covered' : 'NOT covered: cut a larger extract'}\n`,
    );
    if (archive.tileType !== 'mvt') io.stdout.write('the web app draws vector (mvt) archives only\n');
    return covers && archive.tileType === 'mvt' ? 0 : 1;
  } finally {
    await db.close();
  }
}

function contains(outer: Extent, inner: Extent): boolean {
  return outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];
}
