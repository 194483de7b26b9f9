import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { LOCK_FILE } from '../../src/db/data-dir-lock';

const root = resolve(import.meta.dirname, '../../..');
const main = join(root, 'api/src/cli/main.ts');
const districtsFile = join(root, 'api/data/budapest_districts.geojson');
const INGEST_TOKEN = 'lock-test-ingest-token';
const PASSWORD = 'a long enough password';
const IMPORTED = 2000;
const PER_REQUEST = 20;

/** Every process a test started: none outlives the file, whatever fails. */
const children = new Set<ChildProcess>();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The real CLI as its own process (node with tsx's loader: one process, so its pid is the holder's). */
function heatmap(
  dataDir: string,
  args: string[],
  input?: string,
): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, ['--import', 'tsx', main, ...args], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      HEATMAP_DATA_DIR: dataDir,
      HEATMAP_INGEST_TOKEN: INGEST_TOKEN,
      HOST: '127.0.0.1',
      PORT: '0',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c) => (stdout += c));
  child.stderr?.on('data', (c) => (stderr += c));
  child.stdin?.end(input ?? '');
  const done = once(child, 'exit').then(([code]) => ({ code: code as number | null, stdout, stderr }));
  return { child, done };
}

async function run(dataDir: string, args: string[], input?: string): Promise<Run> {
  return heatmap(dataDir, args, input).done;
}

interface Server {
  url: string;
  child: ChildProcess;
  done: Promise<Run>;
}

async function serve(dataDir: string): Promise<Server> {
  const { child, done } = heatmap(dataDir, ['serve']);
  let out = '';
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout?.on('data', (c) => {
      out += c;
      const match = /serving on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolveUrl(match[1]);
    });
    void done.then((r) => reject(new Error(`serve exited ${r.code}: ${r.stderr}`)));
  });
  return { url, child, done };
}

function messages(prefix: string, n: number) {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    createdAt: `2024-0${1 + (i % 9)}-1${i % 10}T10:00:00Z`,
    category: i % 2 ? 'roads' : 'waste',
    lat: 47.45 + (i % 50) * 0.002,
    lon: 19.0 + (i % 40) * 0.003,
  }));
}

async function signIn(url: string, login: string): Promise<string> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: PASSWORD }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function getJson<T>(url: string, path: string, cookie: string): Promise<T> {
  const response = await fetch(`${url}${path}`, { headers: { cookie } });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

async function messageCount(url: string, cookie: string): Promise<number> {
  return (await getJson<{ count: number }>(url, '/api/v1/summary', cookie)).count;
}

function ingest(url: string, body: unknown) {
  return fetch(`${url}/api/v1/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

// The lock guards the embedded backend's data directory; with DATABASE_URL the server is PostgreSQL's.
// Each process loads PGlite with PostGIS (seconds on a busy machine); a test starts up to six.
describe('one embedded data directory, several heatmap processes', { timeout: 300_000 }, () => {
  let dir: string;
  let dataDir: string;
  let file: string;
  /** Messages stored by the first test, which later ones find again. */
  let total = 0;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'heatmap-lock-'));
    dataDir = join(dir, 'data');
    file = join(dir, 'messages.ndjson');
    writeFileSync(
      file,
      messages('cli', IMPORTED)
        .map((m) => JSON.stringify(m))
        .join('\n'),
    );
  });
  afterAll(() => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  test('with the server running, import, user add, districts and an HTTP ingest all land and show at once', async () => {
    const server = await serve(dataDir);
    try {
      const second = await run(dataDir, ['serve']);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain('is open in another process: heatmap serve');

      // HTTP ingests keep coming while the commands run, so the server's writing transactions
      // meet the import's (one PGlite session: each must land whole).
      let commandsDone = false;
      const statuses: number[] = [];
      const httpIngests = (async () => {
        for (let i = 0; !commandsDone; i++) {
          const response = await ingest(server.url, messages(`http${i}`, PER_REQUEST));
          statuses.push(response.status);
          await response.body?.cancel();
        }
      })();
      const [imported, added, districts] = await Promise.all([
        run(dataDir, ['import', file]),
        run(dataDir, ['user', 'add', '--login', 'olga', '--role', 'admin', '--password-stdin'], PASSWORD),
        run(dataDir, ['districts', districtsFile, '--name-field', 'NAME']),
      ]).finally(() => (commandsDone = true));
      await httpIngests;
      const through = `through the running heatmap serve (pid ${server.child.pid})`;
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stdout).toContain(`inserted ${IMPORTED}`);
      expect(imported.stderr).toContain(through);
      expect(added).toMatchObject({ code: 0, stdout: 'added olga (admin)\n' });
      expect(added.stderr).toContain(through);
      expect(districts.code, districts.stderr).toBe(0);
      expect(districts.stderr).toContain(through);
      expect(statuses.length).toBeGreaterThan(1);
      expect(statuses.filter((s) => s !== 200)).toEqual([]);

      const cookie = await signIn(server.url, 'olga');
      expect(await messageCount(server.url, cookie)).toBe(IMPORTED + PER_REQUEST * statuses.length);
      expect(
        (await getJson<{ features: unknown[] }>(server.url, '/api/v1/districts', cookie)).features,
      ).toHaveLength(23);
      total = IMPORTED + PER_REQUEST * statuses.length + 5;
      const after = await ingest(server.url, messages('late', 5));
      expect(after.status).toBe(200);
      expect(await after.json()).toMatchObject({ inserted: 5 });
    } finally {
      server.child.kill('SIGTERM');
    }
    expect((await server.done).code).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  test('after a clean stop the directory opens again with everything in it', async () => {
    const listed = await run(dataDir, ['user', 'list']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain('olga');
    expect(listed.stderr).toContain(`opened ${dataDir} in this process`);
    const server = await serve(dataDir);
    try {
      const cookie = await signIn(server.url, 'olga');
      expect(await messageCount(server.url, cookie)).toBe(total);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect((await server.done).code).toBe(0);
  });

  test('after kill -9 the stale lock is taken over and the data is intact', async () => {
    const killed = await serve(dataDir);
    const lock = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8'));
    expect(lock.pid).toBe(killed.child.pid);
    killed.child.kill('SIGKILL');
    await killed.done;
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(true);

    const added = await run(
      dataDir,
      ['user', 'add', '--login', 'petra', '--role', 'admin', '--password-stdin'],
      PASSWORD,
    );
    expect(added, added.stderr).toMatchObject({ code: 0, stdout: 'added petra (admin)\n' });
    expect(added.stderr).toContain(`opened ${dataDir} in this process`);
    const server = await serve(dataDir);
    try {
      const cookie = await signIn(server.url, 'petra');
      expect(await messageCount(server.url, cookie)).toBe(total);
      expect(
        (await getJson<{ features: unknown[] }>(server.url, '/api/v1/districts', cookie)).features,
      ).toHaveLength(23);
    } finally {
      server.child.kill('SIGTERM');
    }
    expect((await server.done).code).toBe(0);
  });
});
