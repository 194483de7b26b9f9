import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { migrationsDir, readMigrations } from '../../src/db/migrate';

/**
 * migrations/checksums.json: the sha256 (migrationChecksum) of every landed migration file. A
 * database refuses a changed file only once it has applied it; this catches the edit in CI first.
 */
const landed: Record<string, string> = JSON.parse(
  readFileSync(join(migrationsDir, 'checksums.json'), 'utf8'),
);

test('no landed migration file has changed: the schema changes only through new files', () => {
  const onDisk = new Map(readMigrations().map((m) => [m.file, m.checksum]));
  const changed = Object.entries(landed)
    .filter(([file, checksum]) => onDisk.get(file) !== checksum)
    .map(([file]) => (onDisk.has(file) ? `${file} (changed)` : `${file} (missing)`));
  expect(changed, 'restore these files from git and put the change in a new migration').toEqual([]);
});

test('files not yet in migrations/checksums.json come after every landed one (prints the lines to add)', () => {
  const migrations = readMigrations();
  const unlisted = migrations.filter((m) => !(m.file in landed));
  // A new file is listed when it lands; until then it may still change, so it only gets a reminder.
  if (unlisted.length > 0) {
    console.warn(
      `add to migrations/checksums.json when the migration lands:\n${unlisted
        .map((m) => `  "${m.file}": "${m.checksum}"`)
        .join(',\n')}`,
    );
  }
  const lastLanded = Math.max(...migrations.filter((m) => m.file in landed).map((m) => m.version));
  expect(unlisted.filter((m) => m.version <= lastLanded).map((m) => m.file)).toEqual([]);
});
