import { open } from 'node:fs/promises';
import { bytesToHeader, type Header } from 'pmtiles';

/** The fixed header of a PMTiles v3 archive (spec: "Header", 127 bytes). */
export const PMTILES_HEADER_BYTES = 127;
const MAGIC = 'PMTiles';
const TILE_TYPES: Record<number, string> = { 1: 'mvt', 2: 'png', 3: 'jpeg', 4: 'webp', 5: 'avif', 6: 'mlt' };

/** The archive cannot be served: the message names the file and what is wrong with it. */
export class BasemapFileError extends Error {
  override name = 'BasemapFileError';
}

export interface BasemapArchive {
  path: string;
  size: number;
  mtimeMs: number;
  header: Header;
  tileType: string;
}

/**
 * Reads and checks the header, so a wrong file fails the start with a reason instead of drawing a
 * blank map in every browser: the magic and version, and that the root directory and the tile data
 * it points at lie inside the file (a download cut short fails here).
 */
export async function readPmtilesArchive(path: string): Promise<BasemapArchive> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new BasemapFileError(`HEATMAP_BASEMAP: cannot open ${path}: ${(error as Error).message}`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new BasemapFileError(`HEATMAP_BASEMAP: ${path} is not a file`);
    const bytes = new Uint8Array(PMTILES_HEADER_BYTES);
    const { bytesRead } = await handle.read(bytes, 0, PMTILES_HEADER_BYTES, 0);
    if (new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) {
      throw new BasemapFileError(`HEATMAP_BASEMAP: ${path} is not a PMTiles archive (no "PMTiles" magic)`);
    }
    if (bytes[7] !== 3) {
      throw new BasemapFileError(
        `HEATMAP_BASEMAP: ${path} is PMTiles version ${bytes[7]}; only version 3 is read (convert it with "pmtiles convert")`,
      );
    }
    if (bytesRead < PMTILES_HEADER_BYTES) {
      throw new BasemapFileError(
        `HEATMAP_BASEMAP: ${path} is truncated (${stat.size} bytes, no whole header)`,
      );
    }
    const header = bytesToHeader(bytes.buffer);
    const ends = [
      header.rootDirectoryOffset + header.rootDirectoryLength,
      header.tileDataOffset + (header.tileDataLength ?? 0),
      header.jsonMetadataOffset + header.jsonMetadataLength,
    ];
    if (header.rootDirectoryLength === 0 || ends.some((end) => end > stat.size)) {
      throw new BasemapFileError(
        `HEATMAP_BASEMAP: ${path} is truncated: its header points up to byte ${Math.max(...ends)}, the file has ${stat.size}`,
      );
    }
    return {
      path,
      size: stat.size,
      mtimeMs: stat.mtimeMs,
      header,
      tileType: TILE_TYPES[header.tileType] ?? 'unknown',
    };
  } finally {
    await handle.close();
  }
}
