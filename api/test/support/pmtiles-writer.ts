import { gzipSync } from 'node:zlib';
import { zxyToTileId } from 'pmtiles';

export interface PmtilesTile {
  z: number;
  x: number;
  y: number;
  /** The tile's bytes, uncompressed (the writer gzips them). */
  data: Uint8Array;
}

export interface PmtilesArchiveOptions {
  tiles: readonly PmtilesTile[];
  /** west, south, east, north */
  bounds: [number, number, number, number];
  metadata?: Record<string, unknown>;
}

/**
 * A PMTiles v3 archive of vector tiles with every entry in the root directory (fine up to a few
 * thousand tiles): header, root directory, JSON metadata, then the tiles in tile-id order
 * (clustered). The pmtiles package only reads, so tests write their fixtures with this.
 */
export function writePmtiles(options: PmtilesArchiveOptions): Uint8Array {
  const tiles = options.tiles
    .map((tile) => ({ id: zxyToTileId(tile.z, tile.x, tile.y), z: tile.z, data: gzipSync(tile.data) }))
    .sort((a, b) => a.id - b.id);
  let offset = 0;
  const entries = tiles.map((tile) => {
    const entry = { id: tile.id, offset, length: tile.data.length };
    offset += tile.data.length;
    return entry;
  });
  const directory = serializeDirectory(entries);
  const metadata = new TextEncoder().encode(JSON.stringify(options.metadata ?? {}));
  const tileData = Buffer.concat(tiles.map((tile) => tile.data));
  const zooms = tiles.map((tile) => tile.z);
  const [west, south, east, north] = options.bounds;
  const header = Buffer.alloc(127);
  header.write('PMTiles', 0, 'ascii');
  header.writeUInt8(3, 7);
  const rootOffset = 127;
  const metadataOffset = rootOffset + directory.length;
  const dataOffset = metadataOffset + metadata.length;
  const u64 = (value: number, at: number) => header.writeBigUInt64LE(BigInt(value), at);
  u64(rootOffset, 8);
  u64(directory.length, 16);
  u64(metadataOffset, 24);
  u64(metadata.length, 32);
  u64(dataOffset + tileData.length, 40); // no leaf directories
  u64(0, 48);
  u64(dataOffset, 56);
  u64(tileData.length, 64);
  u64(tiles.length, 72);
  u64(tiles.length, 80);
  u64(tiles.length, 88);
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(1, 97); // internal compression: none
  header.writeUInt8(2, 98); // tile compression: gzip
  header.writeUInt8(1, 99); // tile type: MVT
  header.writeUInt8(Math.min(...zooms), 100);
  header.writeUInt8(Math.max(...zooms), 101);
  const e7 = (value: number, at: number) => header.writeInt32LE(Math.round(value * 1e7), at);
  e7(west, 102);
  e7(south, 106);
  e7(east, 110);
  e7(north, 114);
  header.writeUInt8(Math.min(...zooms), 118);
  e7((west + east) / 2, 119);
  e7((south + north) / 2, 123);
  return Buffer.concat([header, directory, metadata, tileData]);
}

function serializeDirectory(entries: { id: number; offset: number; length: number }[]): Buffer {
  const bytes: number[] = [];
  const varint = (value: number) => {
    let rest = value;
    while (rest >= 0x80) {
      bytes.push((rest % 0x80) | 0x80);
      rest = Math.floor(rest / 0x80);
    }
    bytes.push(rest);
  };
  varint(entries.length);
  let previous = 0;
  for (const entry of entries) {
    varint(entry.id - previous);
    previous = entry.id;
  }
  for (const _ of entries) varint(1); // run length
  for (const entry of entries) varint(entry.length);
  // 0: right after the previous entry; the first is stored as offset + 1.
  entries.forEach((entry, i) => {
    varint(i > 0 ? 0 : entry.offset + 1);
  });
  return Buffer.from(bytes);
}
