import compress from '@fastify/compress';
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';

/** Compression (gzip/brotli by Accept-Encoding; tiny bodies stay plain) and CORS for embeds. */
export async function registerHttp(app: FastifyInstance): Promise<void> {
  await app.register(compress, { threshold: 1024, encodings: ['br', 'gzip', 'deflate'] });
  await app.register(cors, { origin: true, methods: ['GET', 'HEAD', 'POST'], exposedHeaders: ['ETag'] });
}
