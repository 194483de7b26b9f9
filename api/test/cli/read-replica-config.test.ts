import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const repoRoot = resolve(new URL('../../..', import.meta.url).pathname);

test('serve with DATABASE_READ_URL but no DATABASE_URL stops at once: exit 1, the reason, no stack trace', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heatmap-replica-config-'));
  try {
    const dataDir = join(dir, 'data');
    const { DATABASE_URL: _, ...inherited } = process.env;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/src/cli/main.ts', 'serve'], {
      cwd: repoRoot,
      env: {
        ...inherited,
        PORT: '0',
        HEATMAP_DATA_DIR: dataDir,
        DATABASE_READ_URL: 'postgres://127.0.0.1:5433/heatmap',
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toMatch(
      /^error: DATABASE_READ_URL names read replicas, but DATABASE_URL is not set: the embedded PGlite database has no replicas/m,
    );
    expect(run.stderr).not.toMatch(/\n\s+at /);
    // Refused before anything was opened: no embedded database was made.
    expect(existsSync(dataDir)).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
