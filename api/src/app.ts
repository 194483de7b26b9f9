import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import { authenticate } from './auth/auth-plugin';
import type { Config } from './config/config';
import type { Database } from './db/database';
import { errorBody } from './errors/http-error';
import { changeFeedPlugin } from './plugins/app/change-feed';
import { databasePlugin } from './plugins/app/database';
import { errorHandlerPlugin } from './plugins/app/error-handler';
import { finiteNumbersPlugin } from './plugins/app/finite-numbers';
import { heatmapQueriesPlugin } from './plugins/app/heatmap-queries';
import { publicPrivacyPlugin } from './plugins/app/public-privacy';
import { readRoutingPlugin } from './plugins/app/read-routing';
import { requestScopePlugin } from './plugins/app/request-scope';
import { responseCachePlugin } from './plugins/app/response-cache';
import { registerHttp } from './plugins/external/http';
import { registerSwagger } from './plugins/external/swagger';
import { alertsRoutes } from './routes/api/v1/alerts/index';
import { authRoutes } from './routes/api/v1/auth/index';
import { cellsRoutes } from './routes/api/v1/cells/index';
import { districtsRoutes } from './routes/api/v1/districts/index';
import { exportRoutes } from './routes/api/v1/export/index';
import { hexagonsRoutes } from './routes/api/v1/hexagons/index';
import { hotspotsRoutes } from './routes/api/v1/hotspots/index';
import { messagesRoutes } from './routes/api/v1/messages/index';
import { metaRoutes } from './routes/api/v1/meta/index';
import { placesRoutes } from './routes/api/v1/places/index';
import { basemapInfoRoutes } from './routes/api/v1/public/basemap/index';
import { publicRoutes } from './routes/api/v1/public/index';
import { type StreamRouteOptions, streamRoutes } from './routes/api/v1/stream/index';
import { summaryRoutes } from './routes/api/v1/summary/index';
import { timelineRoutes } from './routes/api/v1/timeline/index';
import { basemapRoutes } from './routes/basemap/index';
import { healthzRoutes } from './routes/healthz/index';
import { open311Routes } from './routes/open311/index';
import { readyzRoutes } from './routes/readyz/index';

export interface AppOptions {
  db: Database;
  config: Config;
  /** See ReadRoutingOptions.versionTtlMs; startServer trusts a data_version read for 200 ms. */
  cacheVersionTtlMs?: number;
  /** Pushed updates: how often data_version is read, heartbeat and lifetime of a stream (tests shorten them). */
  stream?: StreamRouteOptions & { intervalMs?: number };
  /** Folder of the built web app (web/dist); served with an SPA fallback when it holds index.html. */
  webRoot?: string;
}

/**
 * The whole app as a plugin: external plugins, then our decorators, then routes (the folder is the
 * URL). It never listens: server.ts does, tests use inject.
 */
export async function app(instance: FastifyInstance, options: AppOptions): Promise<void> {
  await registerHttp(instance);
  await registerSwagger(instance);

  await instance.register(databasePlugin, { db: options.db, config: options.config });
  await instance.register(requestScopePlugin);
  await instance.register(errorHandlerPlugin);
  await instance.register(finiteNumbersPlugin);
  // After request-scope (it declares filterScope) and before any route: sessions, CSRF, read scope.
  // Anonymous callers read only routes declared `access: 'public'` (/api/v1/public/*, privacy-filtered).
  await instance.register(authenticate);
  await instance.register(heatmapQueriesPlugin);
  await instance.register(publicPrivacyPlugin);
  await instance.register(readRoutingPlugin, { versionTtlMs: options.cacheVersionTtlMs ?? 0 });
  await instance.register(responseCachePlugin);
  await instance.register(changeFeedPlugin, { intervalMs: options.stream?.intervalMs });

  await instance.register(authRoutes, { prefix: '/api/v1/auth' });
  await instance.register(healthzRoutes, { prefix: '/healthz' });
  await instance.register(readyzRoutes, { prefix: '/readyz' });
  await instance.register(hexagonsRoutes, { prefix: '/api/v1/hexagons' });
  await instance.register(hotspotsRoutes, { prefix: '/api/v1/hotspots' });
  await instance.register(alertsRoutes, { prefix: '/api/v1/alerts' });
  await instance.register(timelineRoutes, { prefix: '/api/v1/timeline' });
  await instance.register(cellsRoutes, { prefix: '/api/v1/cells' });
  await instance.register(messagesRoutes, { prefix: '/api/v1/messages' });
  await instance.register(districtsRoutes, { prefix: '/api/v1/districts' });
  await instance.register(summaryRoutes, { prefix: '/api/v1/summary' });
  await instance.register(metaRoutes, { prefix: '/api/v1/meta' });
  await instance.register(placesRoutes, { prefix: '/api/v1/places' });
  await instance.register(exportRoutes, { prefix: '/api/v1/export' });
  await instance.register(streamRoutes, { prefix: '/api/v1/stream', ...options.stream });
  await instance.register(publicRoutes, { prefix: '/api/v1/public' });
  await instance.register(open311Routes, { prefix: '/open311/v2' });
  await instance.register(basemapInfoRoutes, { prefix: '/api/v1/basemap', access: 'staff' });
  await instance.register(basemapInfoRoutes, { prefix: '/api/v1/public/basemap', access: 'public' });
  await instance.register(basemapRoutes);
  instance.get('/api/openapi.json', { schema: { hide: true } }, async () => instance.swagger());

  const webRoot =
    options.webRoot && existsSync(join(options.webRoot, 'index.html')) ? options.webRoot : undefined;
  if (webRoot) {
    await instance.register(fastifyStatic, {
      root: webRoot,
      wildcard: true,
      // Vite names every file under assets/ by its content hash: a returning visitor (a wall
      // display reloading, a journalist's second look) need not fetch 650 kB again. index.html
      // and the rest keep revalidating, so a new build shows at once.
      setHeaders: (reply, path) => {
        if (/[\\/]assets[\\/]/.test(path)) {
          reply.header('cache-control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }
  instance.setNotFoundHandler((request, reply) => {
    const isApi =
      request.url.startsWith('/api') ||
      request.url.startsWith('/healthz') ||
      request.url.startsWith('/readyz');
    if (webRoot && !isApi && (request.method === 'GET' || request.method === 'HEAD')) {
      return reply.sendFile('index.html');
    }
    return reply
      .code(404)
      .send(errorBody(404, `No route for ${request.method} ${request.url.split('?')[0]}`));
  });
}

/** Fastify options shared by the server and tests: strict query parsing, no unknown properties. */
export const fastifyOptions: FastifyServerOptions = {
  ajv: {
    customOptions: { coerceTypes: 'array', removeAdditional: true, useDefaults: true, allErrors: false },
  },
  routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
};

/** The app ready for `inject`; never listens. */
export async function buildApp(
  options: AppOptions & { logger?: FastifyServerOptions['logger'] },
): Promise<FastifyInstance> {
  const instance = Fastify({
    ...fastifyOptions,
    logger: options.logger ?? false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // Not encapsulated: tests and the OpenAPI writer reach the app's decorators (swagger, db) on the root.
  await instance.register(fp(app, { name: 'heatmap-app' }), options);
  await instance.ready();
  return instance;
}
