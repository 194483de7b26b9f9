import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const repoRoot = resolve(new URL('../../..', import.meta.url).pathname);

/** `pnpm heatmap <command>` as a user runs it, against the given database. */
function heatmap(command: string, env: Record<string, string>) {
  const { DATABASE_URL: _, HEATMAP_DATA_DIR: __, ...inherited } = process.env;
  return spawnSync(process.execPath, ['--import', 'tsx', 'api/src/cli/main.ts', command], {
    cwd: repoRoot,
    env: { ...inherited, PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe.each(BACKENDS)('the CLI with a changed applied migration on %s', (backend) => {
  let env: Record<string, string>;
  let server: TestDatabase | undefined;
  let dataDir: string | undefined;

  beforeAll(async () => {
    // A database that ran 0001 as it was: the recorded checksum no longer matches the file.
    const tamper = (db: { sql: TestDatabase['sql'] }) =>
      db.sql`UPDATE schema_migrations SET checksum = repeat('0', 64) WHERE version = 1`;
    if (backend === 'server') {
      server = await createTestDatabase('server', 'empty');
      await tamper(server);
      env = { DATABASE_URL: server.url as string };
    } else {
      dataDir = mkdtempSync(join(tmpdir(), 'heatmap-migrate-'));
      const db = await openDatabase({ dataDir });
      try {
        await migrate(db.sql);
        await tamper(db);
      } finally {
        await db.close();
      }
      env = { HEATMAP_DATA_DIR: dataDir };
    }
  });
  afterAll(async () => {
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test.each(['migrate', 'serve'])(
    '%s refuses to start: exit 1, the file named, no stack trace',
    (command) => {
      const run = heatmap(command, env);
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toMatch(
        /^error: migration 0001\.do\.create-schema\.sql changed after it was applied/m,
      );
      expect(run.stderr).not.toMatch(/^\s+at /m);
      expect(run.stdout).not.toMatch(/serving/);
    },
  );
});
