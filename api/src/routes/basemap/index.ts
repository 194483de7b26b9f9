import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseByteRange } from '../../basemap/byte-range';
import { type BasemapArchive, readPmtilesArchive } from '../../basemap/pmtiles-header';
import { ConfigError } from '../../config/config-error';

export const BASEMAP_PATH = '/basemap/region.pmtiles';
/** A day: the file can be replaced by a new extract, and the ETag tells a reader it changed. */
const CACHE_CONTROL = 'public, max-age=86400';

/**
 * Serves the HEATMAP_BASEMAP archive with byte ranges, hand-written rather than @fastify/static:
 * its ETag is weak (W/"…"), and a PMTiles reader discards weak ETags, so it could not notice that
 * the archive was replaced between two range reads; If-Range also needs a strong one.
 * The archive is checked once here, so a wrong file stops the start (ConfigError) with the reason.
 */
export const basemapRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const file = app.config.basemap.file;
  if (!file) return;
  try {
    await readPmtilesArchive(file);
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
  const options = { schema: { hide: true }, config: { compress: false } } as const;
  // Fastify adds HEAD for this GET; sendArchive then sends the headers only.
  app.get(BASEMAP_PATH, options, (request, reply) => sendArchive(request, reply, file));
};

async function sendArchive(request: FastifyRequest, reply: FastifyReply, path: string) {
  // Stat per request: a replaced archive gets a new ETag at once.
  const info = await stat(path);
  const etag = strongEtag({ size: info.size, mtimeMs: info.mtimeMs });
  reply
    .header('accept-ranges', 'bytes')
    .header('etag', etag)
    .header('cache-control', CACHE_CONTROL)
    .header('content-type', 'application/vnd.pmtiles');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  const ifRange = request.headers['if-range'];
  const range =
    ifRange === undefined || ifRange === etag ? parseByteRange(request.headers.range, info.size) : null;
  if (range === 'unsatisfiable') {
    return reply.code(416).header('content-range', `bytes */${info.size}`).send();
  }
  const { start, end } = range ?? { start: 0, end: info.size - 1 };
  if (range) reply.code(206).header('content-range', `bytes ${start}-${end}/${info.size}`);
  reply.header('content-length', end - start + 1);
  if (info.size === 0) return reply.send();
  // For HEAD, Fastify's HEAD route closes the stream and keeps the headers.
  return reply.send(createReadStream(path, { start, end }));
}

function strongEtag(file: Pick<BasemapArchive, 'size' | 'mtimeMs'>): string {
  return `"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
}
