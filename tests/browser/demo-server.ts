import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig, type RunningServer, startServer } from '@heatmap/api';
import { type Backend, createTestDatabase, type TestDatabase } from '@heatmap/api/test-support';

export interface DemoServer {
  url: string;
  server: RunningServer;
  db: TestDatabase;
  close(): Promise<void>;
}

/**
 * The real API (serving the built web app from web/dist) on a fresh copy of the seeded demo data
 * in PostgreSQL (or the embedded backend), on a free port; `env` adds settings (HEATMAP_BASEMAP …).
 */
export async function startDemoServer(
  backend: Backend = 'server',
  env: NodeJS.ProcessEnv = {},
): Promise<DemoServer> {
  const db = await createTestDatabase(backend, 'seeded');
  const config = { ...loadConfig({ ...process.env, ...env, PORT: '0' }), timezone: db.timezone };
  const server = await startServer(config, { db });
  return {
    url: server.url,
    server,
    db,
    async close() {
      await server.close();
      await db.close();
    },
  };
}

// `tsx tests/browser/demo-server.ts`: the same server by hand, for looking at the app (the seeded
// template is made by the vitest global setup, so run any api or browser test once before).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const demo = await startDemoServer();
  console.log(`demo server at ${demo.url}`);
  process.on('SIGINT', () => void demo.close().then(() => process.exit(0)));
}

/**
 * Builds web/dist for production. vitest sets NODE_ENV=test, and vite builds React's development
 * bundle under it (StrictMode then runs every effect twice: doubled requests, slower frames).
 */
export function buildWebForProduction(): void {
  execFileSync('pnpm', ['--filter', '@heatmap/web', 'build'], {
    cwd: resolve(import.meta.dirname, '../..'),
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}
