import { PassThrough } from 'node:stream';
import { runApiKeyCommand } from '../../src/cli/apikey-command';
import type { Sql } from '../../src/db/database';

/** Runs `heatmap apikey ...`; returns the exit code, both outputs and the last line of stdout. */
export async function apikey(db: { sql: Sql }, argv: string[]) {
  let out = '';
  let err = '';
  const stdout = new PassThrough().on('data', (c) => (out += c));
  const stderr = new PassThrough().on('data', (c) => (err += c));
  const code = await runApiKeyCommand(argv, { sql: db.sql, stdout, stderr });
  const lastLine = out.trimEnd().split('\n').at(-1) ?? '';
  return { code, out, err, lastLine };
}

/** `apikey add …` that must succeed: the new key (the last line of its output). */
export async function addKey(db: { sql: Sql }, argv: string[]): Promise<string> {
  const added = await apikey(db, ['add', ...argv]);
  if (added.code !== 0) throw new Error(`apikey add failed: ${added.err}`);
  return added.lastLine;
}
