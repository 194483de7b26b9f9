import compress from '@fastify/compress';
import cors, { type FastifyCorsOptions } from '@fastify/cors';
import type { FastifyInstance, FastifyRequest } from 'fastify';

const PUBLIC_API = '/api/v1/public/';

/**
 * Other origins may read the public API and nothing else: the app itself is same-origin and embeds are
 * iframes, so the only cross-origin callers are journalists' scripts and pages reading public aggregates.
 * `*` and no credentials: a browser never sends the staff session cookie along, so no staff answer can be
 * read from another site. Every other path gets no CORS header at all, and OPTIONS there is a 404.
 */
const PUBLIC_CORS: FastifyCorsOptions = {
  origin: '*',
  methods: ['GET', 'HEAD'],
  allowedHeaders: ['If-None-Match'],
  exposedHeaders: ['ETag'],
  credentials: false,
  // A plain OPTIONS (no Origin) on a public route is answered 204 as well, not "Invalid Preflight Request".
  strictPreflight: false,
  maxAge: 600,
};
const NO_CORS: FastifyCorsOptions = { origin: false };

function corsOptionsFor(request: FastifyRequest): FastifyCorsOptions {
  // The path, whatever the request target's form (origin-form or absolute-form); never throws.
  const path = request.url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split('?')[0] ?? '';
  return path.startsWith(PUBLIC_API) ? PUBLIC_CORS : NO_CORS;
}

/** Compression (gzip/brotli by Accept-Encoding; tiny bodies stay plain) and CORS for the public API. */
export async function registerHttp(app: FastifyInstance): Promise<void> {
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(cors, { delegator: (request, callback) => callback(null, corsOptionsFor(request)) });
}
