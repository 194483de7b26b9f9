import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';

const repoRoot = resolve(new URL('../../..', import.meta.url).pathname);

test('maintain without the server database (a cron line missing DATABASE_URL) stops: exit 2, nothing created', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heatmap-maintain-'));
  try {
    const dataDir = join(dir, 'data');
    const { DATABASE_URL: _, ...inherited } = process.env;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/src/cli/main.ts', 'maintain'], {
      cwd: repoRoot,
      env: { ...inherited, HEATMAP_DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/^error: no database in .*data: run maintain with the server's DATABASE_URL/m);
    expect(existsSync(dataDir)).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
