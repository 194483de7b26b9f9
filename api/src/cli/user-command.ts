import { parseArgs } from 'node:util';
import { hashPassword, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../auth/password-hash';
import {
  PromptAbortedError,
  type PromptInput,
  promptPassword,
  readPasswordFromStream,
} from '../auth/password-prompt';
import type { Sql } from '../db/database';
import {
  createUser,
  deleteUser,
  existingDistrictNames,
  listUsers,
  normaliseLogin,
  ROLES,
  type Role,
  setPasswordHash,
  UserExistsError,
} from '../repositories/users-repository';
import { runSubcommand, UsageError } from './usage';

export interface UserCommandIo {
  sql: Sql;
  stdin: PromptInput;
  stdout: NodeJS.WritableStream;
  /** Defaults to stdout. */
  stderr?: NodeJS.WritableStream;
}

export const USER_USAGE = `Usage:
  heatmap user add --login L --role admin|regional|municipal [--district NAME ...] [--password-stdin]
  heatmap user list
  heatmap user remove --login L
  heatmap user passwd --login L [--password-stdin]

Passwords are asked for on the terminal (not echoed), or read from stdin with --password-stdin.
A municipal account needs at least one --district (a district name as loaded); it sees only those.`;

const LOGIN_FORMAT = /^[a-z0-9][a-z0-9._@-]{1,63}$/;

/**
 * `heatmap user ...`: `argv` is what follows `user`. Resolves to the process exit code
 * (0 done, 1 failed, 2 bad usage); messages go to stdout, problems to stderr.
 */
export async function runUserCommand(argv: readonly string[], io: UserCommandIo): Promise<number> {
  const stderr = io.stderr ?? io.stdout;
  try {
    return await runSubcommand(
      argv,
      {
        add: (args) => addUser(args, io),
        list: (args) => listAll(args, io),
        remove: (args) => removeUser(args, io),
        passwd: (args) => changePassword(args, io),
      },
      USER_USAGE,
      stderr,
    );
  } catch (error) {
    if (error instanceof PromptAbortedError) return 130;
    if (error instanceof UserExistsError) {
      stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

async function addUser(args: string[], io: UserCommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      login: { type: 'string' },
      role: { type: 'string' },
      district: { type: 'string', multiple: true },
      'password-stdin': { type: 'boolean' },
    },
    strict: true,
  });
  const login = requireLogin(values.login);
  const role = values.role as Role | undefined;
  if (!role || !ROLES.includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  const districts = values.district ?? [];
  if (role === 'municipal' && districts.length === 0) {
    throw new UsageError('a municipal account needs at least one --district');
  }
  if (role !== 'municipal' && districts.length > 0) {
    throw new UsageError(`--district is only for municipal accounts; ${role} sees every district`);
  }
  const known = new Set(await existingDistrictNames(io.sql, districts));
  const unknown = districts.filter((d) => !known.has(d));
  if (unknown.length > 0) {
    (io.stderr ?? io.stdout).write(
      `unknown district(s): ${unknown.join(', ')} (load the districts first; names must match exactly)\n`,
    );
    return 1;
  }
  const password = await readNewPassword(io, values['password-stdin'] === true);
  const passwordHash = await hashPassword(password);
  const user = await createUser(io.sql, { login, role, passwordHash, districtNames: districts });
  const where = user.districtNames.length > 0 ? ` for ${user.districtNames.join(', ')}` : '';
  io.stdout.write(`added ${user.login} (${user.role}${where})\n`);
  return 0;
}

async function listAll(args: string[], io: UserCommandIo): Promise<number> {
  parseArgs({ args, options: {}, strict: true });
  const users = await listUsers(io.sql);
  if (users.length === 0) {
    io.stdout.write('no users yet: add one with `heatmap user add`\n');
    return 0;
  }
  const rows = users.map((u) => [
    u.login,
    u.role,
    u.createdAt.toISOString().slice(0, 10),
    u.districtNames.join(', '),
  ]);
  const header = ['LOGIN', 'ROLE', 'CREATED', 'DISTRICTS'];
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

async function removeUser(args: string[], io: UserCommandIo): Promise<number> {
  const { values } = parseArgs({ args, options: { login: { type: 'string' } }, strict: true });
  const login = requireLogin(values.login);
  if (!(await deleteUser(io.sql, login))) {
    (io.stderr ?? io.stdout).write(`no user "${login}"\n`);
    return 1;
  }
  io.stdout.write(`removed ${login} and ended their sessions\n`);
  return 0;
}

async function changePassword(args: string[], io: UserCommandIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { login: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
    strict: true,
  });
  const login = requireLogin(values.login);
  const password = await readNewPassword(io, values['password-stdin'] === true);
  if (!(await setPasswordHash(io.sql, login, await hashPassword(password)))) {
    (io.stderr ?? io.stdout).write(`no user "${login}"\n`);
    return 1;
  }
  io.stdout.write(`changed the password of ${login} and ended their sessions\n`);
  return 0;
}

function requireLogin(raw: string | undefined): string {
  if (raw === undefined) throw new UsageError('--login is needed');
  const login = normaliseLogin(raw);
  if (!LOGIN_FORMAT.test(login)) {
    throw new UsageError(
      '--login must be 2 to 64 characters: letters, digits, and . _ @ - (case-insensitive)',
    );
  }
  return login;
}

async function readNewPassword(io: UserCommandIo, fromStdin: boolean): Promise<string> {
  let password: string;
  if (fromStdin) {
    password = await readPasswordFromStream(io.stdin);
  } else if (io.stdin.isTTY) {
    password = await promptPassword(io.stdin, io.stdout, 'Password: ');
    const again = await promptPassword(io.stdin, io.stdout, 'Password again: ');
    if (again !== password) throw new UsageError('the two passwords differ');
  } else {
    throw new UsageError('stdin is not a terminal: pipe the password in with --password-stdin');
  }
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new UsageError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (password.length > MAX_PASSWORD_LENGTH) {
    throw new UsageError(`the password may have at most ${MAX_PASSWORD_LENGTH} characters`);
  }
  return password;
}
