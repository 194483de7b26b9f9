import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { UnauthorizedError } from '../../../../auth/auth-errors';
import { sessionStillHolds } from '../../../../auth/session-check';
import { CallerStream } from '../../../../live/caller-stream';
import { ErrorResponses } from '../../../../schemas/common';
import { StreamHeadersSchema } from '../../../../schemas/stream';

export interface StreamRouteOptions {
  /** Seconds between heartbeat comments; default 15 (proxies close idle connections at 30-60). */
  heartbeatMs?: number;
  /** A stream ends after this long and the browser reconnects, signed in again; default 30 minutes. */
  lifetimeMs?: number;
}

/**
 * Server-Sent Events: `ready` with the current data_version when the stream opens, then `change`
 * ({ dataVersion, days }) whenever data this caller may see changed (scope rule: live/scoped-change.ts);
 * the event id is the data_version, so a reconnect with Last-Event-ID gets what it missed.
 */
export const streamRoutes: FastifyPluginAsyncTypebox<StreamRouteOptions> = async (app, options) => {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const lifetimeMs = options.lifetimeMs ?? 30 * 60_000;
  // Open streams never go idle, so the server's close would wait for them: they end first.
  const open = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of [...open]) end();
  });
  app.get(
    '/',
    {
      schema: {
        summary: 'Pushed updates: an event when data the caller may see changes (text/event-stream)',
        tags: ['meta'],
        headers: StreamHeadersSchema,
        produces: ['text/event-stream'],
        response: ErrorResponses,
      },
    },
    async (request, reply) => {
      // Set for every staff read before any route runs (scope-enforcement.ts); never assume "all".
      const scope = request.accessScope;
      if (!scope) throw new UnauthorizedError('Sign in to see this.');
      const lastEventId = request.headers['last-event-id'];
      const current = await app.changeFeed.current();
      // An id from the future (another database, a restored backup): start from now.
      const resumeFrom =
        lastEventId === undefined || BigInt(lastEventId) > current ? current : BigInt(lastEventId);

      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        // nginx and similar proxies must pass each event through at once, not buffer the stream.
        'x-accel-buffering': 'no',
      });
      raw.write(
        `retry: 3000\nevent: ready\ndata: ${JSON.stringify({ dataVersion: current.toString() })}\n\n`,
      );

      const stream = new CallerStream(app.changeFeed, scope.districtIds, resumeFrom, (event) =>
        raw.write(event),
      );
      if (resumeFrom < current) void stream.catchUp();

      // Each heartbeat also checks that the session still stands with the same scope: a signed-out
      // or re-scoped account stops hearing at once, not when the stream's lifetime runs out.
      const heartbeat = setInterval(async () => {
        raw.write(': heartbeat\n\n');
        if (!(await sessionStillHolds(app, request, scope.districtIds))) end();
      }, heartbeatMs);
      const end = () => {
        open.delete(end);
        clearInterval(heartbeat);
        clearTimeout(expiry);
        stream.close();
        raw.end();
      };
      const expiry = setTimeout(end, lifetimeMs);
      open.add(end);
      request.raw.once('close', end);
      raw.once('error', end);
    },
  );
};
