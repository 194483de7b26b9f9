import { createHash, randomUUID } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { negotiate } from '@fastify/accept-negotiator';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyInstance {
    responseCache: ResponseCache;
  }
}

export interface ResponseCache {
  /**
   * Answers a GET from the cache when the data has not changed, else computes, serialises (through the
   * route's response schema) and stores it. Sets an ETag and answers 304 when the client's matches.
   * Resolves with the reply already sent; typed `never` so a typed route handler can return it.
   */
  send(request: FastifyRequest, reply: FastifyReply, compute: () => Promise<unknown>): Promise<never>;
  /**
   * Drops every entry and forgets the data version: call after a write in this process. Reads then
   * wait for the write on every replica (ReadRouter.wrote).
   */
  clear(): void;
}

const MAX_ENTRIES = 500;
const MAX_CHARS = 64 * 1024 * 1024;

/**
 * In-process cache of aggregate responses keyed by URL and caller scope, valid for one `data_version`
 * (bumped in the same transaction as every write, from any process). The version is read per request
 * (app.reads; a server under load may trust it briefly), on the database that then answers: one tiny
 * query buys correctness after a CLI import or another server's ingest, and on a replica.
 */
export const responseCachePlugin = fp(
  async (app: FastifyInstance) => {
    // ETags also carry the process's boot id: a new build may answer the same data differently.
    const boot = randomUUID().slice(0, 8);
    // Bodies are kept serialised and gzipped: a hit costs neither serialisation nor compression.
    const entries = new Map<string, Entry>();
    let version = '';
    let chars = 0;

    const dropEntries = () => {
      entries.clear();
      chars = 0;
    };
    const clear = () => {
      dropEntries();
      app.reads.wrote();
    };

    const store = (key: string, entry: Entry) => {
      const size = entry.body.length + entry.gzip.length;
      if (size > MAX_CHARS / 4) return;
      while (entries.size >= MAX_ENTRIES || chars + size > MAX_CHARS) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        const gone = entries.get(oldest);
        chars -= gone ? gone.body.length + gone.gzip.length : 0;
        entries.delete(oldest);
      }
      entries.set(key, entry);
      chars += size;
    };

    // Resolve with the reply: an async handler resolving to undefined makes Fastify end the response
    // before @fastify/compress has streamed a compressed body (it went out empty, content-length 0).
    const deliver = (request: FastifyRequest, reply: FastifyReply, entry: Entry) => {
      reply.header('vary', 'accept-encoding');
      if (acceptsGzip(request.headers['accept-encoding'])) {
        // @fastify/compress leaves a body that already has a Content-Encoding alone.
        return reply.header('content-encoding', 'gzip').send(entry.gzip) as never;
      }
      return reply.send(entry.body) as never;
    };

    const send: ResponseCache['send'] = (request, reply, compute) =>
      app.reads.run(
        (current) => answer(request, reply, compute, current),
        seenVersion(request.headers['if-none-match']),
      );

    const answer = async (
      request: FastifyRequest,
      reply: FastifyReply,
      compute: () => Promise<unknown>,
      current: string,
    ): Promise<never> => {
      if (current !== version) {
        dropEntries();
        version = current;
      }
      const key = `${request.url}\u0000${JSON.stringify(request.filterScope ?? null)}`;
      const etag = `"${current}-${boot}-${createHash('sha1').update(key).digest('base64url').slice(0, 16)}"`;
      reply.header('etag', etag);
      reply.header('cache-control', 'no-cache');
      if (matches(request.headers['if-none-match'], etag)) {
        return reply.code(304).send() as never;
      }
      reply.type('application/json; charset=utf-8');
      const hit = entries.get(key);
      if (hit !== undefined) return deliver(request, reply, hit);
      const body = reply.serialize(await compute()) as string;
      const entry = { body, gzip: gzipSync(body, { level: gzipLevel(body.length) }) };
      // Computing took time: store only if no write landed meanwhile (a later request re-reads the version).
      if (version === current) store(key, entry);
      return deliver(request, reply, entry);
    };

    app.decorate('responseCache', { send, clear });
  },
  { name: 'response-cache', dependencies: ['read-routing'] },
);

/**
 * zlib's default level, but 4 for a body of 1 MiB or more: a res-8 day timeline over a year at 5M (1.7 MB)
 * compresses in 17 instead of 73 ms, to 229 instead of 213 kB. Such a body is computed afresh after every
 * write, so its compression is paid on the request path about as often as it is sent.
 */
function gzipLevel(chars: number): number {
  return chars >= 1 << 20 ? 4 : 6;
}

interface Entry {
  body: string;
  gzip: Buffer;
}

/**
 * gzip when the client prefers it to the plain body, by the q-values: the negotiator @fastify/compress
 * uses, so cached and uncached answers choose alike.
 */
function acceptsGzip(header: string | undefined): boolean {
  return header !== undefined && negotiate(header.toLowerCase(), ['gzip', 'identity']) === 'gzip';
}

/**
 * The newest data_version among the client's ETags (`"version-boot-hash"`, from any of our processes:
 * they share the primary's counter): a replica behind it would answer with older data than the
 * client already has.
 */
function seenVersion(header: string | undefined): bigint {
  let seen = 0n;
  for (const match of (header ?? '').matchAll(/"(\d{1,19})-[0-9a-f]{8}-/g)) {
    const version = BigInt(match[1] as string);
    if (version > seen) seen = version;
  }
  return seen;
}

/**
 * Weak If-None-Match comparison (RFC 9110 13.1.2), ours on purpose: it runs before the body is
 * computed, where @fastify/etag can only hash a body already built, and `fresh` would add
 * If-Modified-Since and request no-cache rules this cache has no use for.
 */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === etag || t === `W/${etag}` || t === '*';
  });
}
