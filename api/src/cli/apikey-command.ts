import { parseArgs } from 'node:util';
import type { Sql } from '../db/database';
import { FIELD_MAX_LENGTH } from '../ingest/field-limits';
import {
  API_KEY_SCOPES,
  ApiKeyExistsError,
  type ApiKeyScope,
  createApiKey,
  listApiKeys,
  revokeApiKey,
} from '../repositories/api-keys-repository';
import { existingDistrictNames } from '../repositories/users-repository';
import { NO_CONTROL_CHARACTERS } from '../schemas/common';
import { runSubcommand, UsageError } from './usage';

export interface ApiKeyCommandIo {
  sql: Sql;
  stdout: NodeJS.WritableStream;
  /** Defaults to stdout. */
  stderr?: NodeJS.WritableStream;
}

export const APIKEY_USAGE = `Usage:
  heatmap apikey add --name NAME [--source SOURCE] [--scope write|read|both] [--district NAME ...] [--label TEXT]
  heatmap apikey list
  heatmap apikey remove --name NAME        (also: revoke --name NAME, revoke --id N)

write (the default): POST /api/v1/messages and Open311 POST into SOURCE only (default: NAME); records
naming another source are rejected. read: reads as a regional account does, or with --district as a
municipal account of those districts (the source does not limit reads). both: the two.
add prints the key alone on its last line, once; only its hash is stored. Keys take effect at once,
also on a running server.`;

/**
 * `heatmap apikey ...`: `argv` is what follows `apikey`. Resolves to the process exit code
 * (0 done, 1 failed, 2 bad usage).
 */
export async function runApiKeyCommand(argv: readonly string[], io: ApiKeyCommandIo): Promise<number> {
  try {
    return await runSubcommand(
      argv,
      {
        add: (args) => add(args, io),
        list: (args) => list(args, io),
        remove: (args) => remove(args, io, false),
        revoke: (args) => remove(args, io, true),
      },
      APIKEY_USAGE,
      io.stderr ?? io.stdout,
    );
  } catch (error) {
    if (error instanceof ApiKeyExistsError) {
      (io.stderr ?? io.stdout).write(`${error.message}: remove it first or choose another --name\n`);
      return 1;
    }
    throw error;
  }
}

async function add(args: string[], io: ApiKeyCommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      source: { type: 'string' },
      scope: { type: 'string' },
      district: { type: 'string', multiple: true },
      label: { type: 'string' },
    },
    strict: true,
  });
  // Keys made before --name existed were made with --source alone: the name is then the source.
  const name = checkedName('--name', values.name ?? values.source);
  const source = checkedName('--source', values.source ?? name);
  const scope = (values.scope ?? 'write') as ApiKeyScope;
  if (!API_KEY_SCOPES.includes(scope))
    throw new UsageError(`--scope must be one of ${API_KEY_SCOPES.join(', ')}`);
  const districts = values.district ?? [];
  if (districts.length > 0 && scope === 'write') {
    throw new UsageError('--district limits what a key reads: give it --scope read or both');
  }
  const label = values.label?.trim();
  if (label !== undefined && label.length > 200)
    throw new UsageError('--label may have at most 200 characters');
  const known = new Set(await existingDistrictNames(io.sql, districts));
  const unknown = districts.filter((d) => !known.has(d));
  if (unknown.length > 0) {
    (io.stderr ?? io.stdout).write(
      `unknown district(s): ${unknown.join(', ')} (load the districts first; names must match exactly)\n`,
    );
    return 1;
  }
  const { key, apiKey } = await createApiKey(io.sql, {
    name,
    source,
    scope,
    districtNames: districts,
    ...(label ? { label } : {}),
  });
  const reads =
    scope === 'write' ? '' : `; reads ${districts.length > 0 ? districts.join(', ') : 'every district'}`;
  const writes = scope === 'read' ? '' : `; writes source "${apiKey.source}"`;
  // The key alone on the last line: `heatmap apikey add … | tail -n 1` gives it to a script.
  io.stdout.write(
    `added key "${apiKey.name}" (id ${apiKey.id}, ${scope}${writes}${reads})${apiKey.label ? ` (${apiKey.label})` : ''}\n` +
      'This is the only time the key is shown: store it now. Send it as Authorization: Bearer <key> (Open311: api_key).\n' +
      `${key}\n`,
  );
  return 0;
}

function checkedName(option: string, raw: string | undefined): string {
  const value = raw?.trim();
  if (!value)
    throw new UsageError('--name is needed: what the key is called (and, by default, the source it writes)');
  if (value.length > FIELD_MAX_LENGTH.source || !new RegExp(NO_CONTROL_CHARACTERS).test(value)) {
    throw new UsageError(
      `${option} must be 1 to ${FIELD_MAX_LENGTH.source} characters, no control characters`,
    );
  }
  return value;
}

async function list(args: string[], io: ApiKeyCommandIo): Promise<number> {
  parseArgs({ args, options: {}, strict: true });
  const keys = await listApiKeys(io.sql);
  if (keys.length === 0) {
    io.stdout.write('no API keys yet: add one with `heatmap apikey add --name NAME`\n');
    return 0;
  }
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const rows = keys.map((k) => [
    String(k.id),
    k.name,
    k.scope,
    k.scope === 'read' ? '' : k.source,
    k.scope === 'write' ? '' : k.districtNames.join(', ') || 'all',
    day(k.createdAt),
    k.revokedAt ? `revoked ${day(k.revokedAt)}` : 'active',
    k.label ?? '',
  ]);
  const header = ['ID', 'NAME', 'SCOPE', 'SOURCE', 'DISTRICTS', 'CREATED', 'STATE', 'LABEL'];
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

async function remove(args: string[], io: ApiKeyCommandIo, allowId: boolean): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { name: { type: 'string' }, ...(allowId ? { id: { type: 'string' } } : {}) },
    strict: true,
  });
  const id = (values as { id?: string }).id;
  if (id !== undefined && !/^\d{1,9}$/.test(id)) throw new UsageError('--id N is a number (see apikey list)');
  if ((id === undefined) === (values.name === undefined)) {
    throw new UsageError('--name NAME is needed (see apikey list)');
  }
  const which = id !== undefined ? { id: Number(id) } : { name: values.name as string };
  const shown = id !== undefined ? `id ${id}` : `"${values.name}"`;
  if (!(await revokeApiKey(io.sql, which))) {
    (io.stderr ?? io.stdout).write(`no active key ${shown}\n`);
    return 1;
  }
  io.stdout.write(`removed key ${shown}: it reads and writes nothing from now on\n`);
  return 0;
}
