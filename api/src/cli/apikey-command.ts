import { parseArgs } from 'node:util';
import type { Sql } from '../db/database';
import { FIELD_MAX_LENGTH } from '../ingest/field-limits';
import { createApiKey, listApiKeys, revokeApiKey } from '../repositories/api-keys-repository';
import { NO_CONTROL_CHARACTERS } from '../schemas/common';
import { runSubcommand, UsageError } from './usage';

export interface ApiKeyCommandIo {
  sql: Sql;
  stdout: NodeJS.WritableStream;
  /** Defaults to stdout. */
  stderr?: NodeJS.WritableStream;
}

export const APIKEY_USAGE = `Usage:
  heatmap apikey add --source NAME [--label TEXT]
  heatmap apikey list
  heatmap apikey revoke --id N

A key writes POST /api/v1/messages into its source only: records without a source get it, records
naming another source are rejected. The key is printed once by add; only its hash is stored.`;

/**
 * `heatmap apikey ...`: `argv` is what follows `apikey`. Resolves to the process exit code
 * (0 done, 1 failed, 2 bad usage).
 */
export async function runApiKeyCommand(argv: readonly string[], io: ApiKeyCommandIo): Promise<number> {
  return runSubcommand(
    argv,
    {
      add: (args) => add(args, io),
      list: (args) => list(args, io),
      revoke: (args) => revoke(args, io),
    },
    APIKEY_USAGE,
    io.stderr ?? io.stdout,
  );
}

async function add(args: string[], io: ApiKeyCommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { source: { type: 'string' }, label: { type: 'string' } },
    strict: true,
  });
  const source = values.source?.trim();
  if (!source) throw new UsageError('--source is needed: the source this key writes');
  if (source.length > FIELD_MAX_LENGTH.source || !new RegExp(NO_CONTROL_CHARACTERS).test(source)) {
    throw new UsageError(
      `--source must be 1 to ${FIELD_MAX_LENGTH.source} characters, no control characters`,
    );
  }
  const label = values.label?.trim();
  if (label !== undefined && label.length > 200)
    throw new UsageError('--label may have at most 200 characters');
  const { key, apiKey } = await createApiKey(io.sql, { source, ...(label ? { label } : {}) });
  io.stdout.write(
    `added key ${apiKey.id} for source "${apiKey.source}"${apiKey.label ? ` (${apiKey.label})` : ''}\n` +
      `${key}\n` +
      'This is the only time the key is shown: store it now. Send it as Authorization: Bearer <key>.\n',
  );
  return 0;
}

async function list(args: string[], io: ApiKeyCommandIo): Promise<number> {
  parseArgs({ args, options: {}, strict: true });
  const keys = await listApiKeys(io.sql);
  if (keys.length === 0) {
    io.stdout.write('no API keys yet: add one with `heatmap apikey add --source NAME`\n');
    return 0;
  }
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const rows = keys.map((k) => [
    String(k.id),
    k.source,
    day(k.createdAt),
    k.revokedAt ? `revoked ${day(k.revokedAt)}` : 'active',
    k.label ?? '',
  ]);
  const header = ['ID', 'SOURCE', 'CREATED', 'STATE', 'LABEL'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  for (const row of [header, ...rows]) {
    io.stdout.write(
      `${row
        .map((cell, i) => cell.padEnd(widths[i] as number))
        .join('  ')
        .trimEnd()}\n`,
    );
  }
  return 0;
}

async function revoke(args: string[], io: ApiKeyCommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { id: { type: 'string' } }, strict: true });
  if (!values.id || !/^\d{1,9}$/.test(values.id)) throw new UsageError('--id N is needed (see apikey list)');
  if (!(await revokeApiKey(io.sql, Number(values.id)))) {
    (io.stderr ?? io.stdout).write(`no active key with id ${values.id}\n`);
    return 1;
  }
  io.stdout.write(`revoked key ${values.id}: it writes nothing from now on\n`);
  return 0;
}
