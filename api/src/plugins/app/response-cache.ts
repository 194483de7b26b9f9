import { createHash, randomUUID } from 'node:crypto';
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
  clear(): void;
}

const MAX_ENTRIES = 500;
const MAX_CHARS = 64 * 1024 * 1024;

/**
 * In-process cache of aggregate responses keyed by URL and caller scope, valid for one `data_version`
 * (bumped in the same transaction as every write, from any process). The version is read per request:
 * one tiny query buys correctness after a CLI import or another server's ingest.
 */
export const responseCachePlugin = fp(
  async (app: FastifyInstance) => {
    // ETags also carry the process's boot id: a new build may answer the same data differently.
    const boot = randomUUID().slice(0, 8);
    const entries = new Map<string, string>();
    let version = '';
    let chars = 0;

    const clear = () => {
      entries.clear();
      chars = 0;
    };

    const store = (key: string, body: string) => {
      if (body.length > MAX_CHARS / 4) return;
      while (entries.size >= MAX_ENTRIES || chars + body.length > MAX_CHARS) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        chars -= entries.get(oldest)?.length ?? 0;
        entries.delete(oldest);
      }
      entries.set(key, body);
      chars += body.length;
    };

    const send: ResponseCache['send'] = async (request, reply, compute) => {
      const [row] = await app.db.sql<{ value: string }[]>`
        SELECT value FROM app_settings WHERE key = 'data_version'`;
      const current = row?.value ?? '0';
      if (current !== version) {
        clear();
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
      if (hit !== undefined) {
        return reply.send(hit) as never;
      }
      const body = reply.serialize(await compute()) as string;
      // Computing took time: store only if no write landed meanwhile (a later request re-reads the version).
      if (version === current) store(key, body);
      // Resolve with the reply: an async handler resolving to undefined makes Fastify end the response
      // before @fastify/compress has streamed a compressed body (it went out empty, content-length 0).
      return reply.send(body) as never;
    };

    app.decorate('responseCache', { send, clear });
  },
  { name: 'response-cache', dependencies: ['database'] },
);

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === etag || t === `W/${etag}` || t === '*';
  });
}
