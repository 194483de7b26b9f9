import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildApp } from '../../src/app';
import { runReplayCommand } from '../../src/cli/replay-command';
import { INGEST_TOKEN, testConfig } from '../routes/app-helper';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const dir = mkdtempSync(join(tmpdir(), 'replay-'));
const file = join(dir, 'messages.ndjson');
// Two hours of a morning: one message stays new, one is answered, one answered and resolved.
writeFileSync(
  file,
  [
    { id: 'r1', createdAt: '2024-03-04T08:00:00Z', category: 'Roads', lat: 47.5, lon: 19.05, author: 'Anna' },
    {
      id: 'r2',
      createdAt: '2024-03-04T08:30:00Z',
      category: 'Lighting',
      lat: 47.51,
      lon: 19.06,
      status: 'answered',
      answeredAt: '2024-03-04T09:00:00Z',
    },
    {
      id: 'r3',
      createdAt: '2024-03-04T08:45:00Z',
      category: 'Roads',
      lat: 47.52,
      lon: 19.07,
      status: 'resolved',
      answeredAt: '2024-03-04T09:30:00Z',
      resolvedAt: '2024-03-04T10:00:00Z',
    },
    { id: 'bad', createdAt: 'yesterday', category: 'Roads', lat: 47.5, lon: 19.05 },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n'),
);

function output() {
  let text = '';
  const stdout = new Writable({
    write(chunk, _encoding, done) {
      text += String(chunk);
      done();
    },
  });
  return { stdout, text: () => text };
}

interface Row {
  external_id: string;
  source: string;
  status: string;
  created_at: Date;
  answered_at: Date | null;
  resolved_at: Date | null;
}

describe.each(BACKENDS)('heatmap replay on %s', (backend) => {
  let db: TestDatabase;
  let app: FastifyInstance;
  let url: string;
  const rows = () =>
    db.sql<
      Row[]
    >`SELECT external_id, (SELECT name FROM sources s WHERE s.id = m.source_id) AS source, status::text, created_at, answered_at, resolved_at
                  FROM messages m ORDER BY external_id`;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    app = await buildApp({ db, config: testConfig() });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
  });

  test('sends each message as it happened through the API, then its answer and resolution', async () => {
    const out = output();
    // Two hours at 7,200x: about a second.
    const code = await runReplayCommand([file, '--speed', '7200', '--url', url, '--key', INGEST_TOKEN], {
      config: testConfig(),
      stdout: out.stdout,
    });
    expect(code, out.text()).toBe(0);
    expect(out.text()).toContain('1 rows are not messages');
    expect(out.text()).toContain('sent 6 of 6 events');
    expect(await rows()).toEqual([
      {
        external_id: 'r1',
        source: 'api',
        status: 'new',
        created_at: new Date('2024-03-04T08:00:00Z'),
        answered_at: null,
        resolved_at: null,
      },
      {
        external_id: 'r2',
        source: 'api',
        status: 'answered',
        created_at: new Date('2024-03-04T08:30:00Z'),
        answered_at: new Date('2024-03-04T09:00:00Z'),
        resolved_at: null,
      },
      {
        external_id: 'r3',
        source: 'api',
        status: 'resolved',
        created_at: new Date('2024-03-04T08:45:00Z'),
        answered_at: new Date('2024-03-04T09:30:00Z'),
        resolved_at: new Date('2024-03-04T10:00:00Z'),
      },
    ]);
  });

  test('--shift-to-now: every time becomes the moment it was sent, in the same order', async () => {
    await db.sql`DELETE FROM messages`;
    const before = Date.now();
    const code = await runReplayCommand(
      [file, '--speed', '7200', '--shift-to-now', '--url', url, '--key', INGEST_TOKEN],
      { config: testConfig(), stdout: output().stdout },
    );
    expect(code).toBe(0);
    const after = Date.now();
    const got = await rows();
    expect(got.map((r) => r.status)).toEqual(['new', 'answered', 'resolved']);
    for (const r of got) {
      for (const at of [r.created_at, r.answered_at, r.resolved_at]) {
        if (at) expect(at.getTime()).toBeGreaterThanOrEqual(before - 1);
        if (at) expect(at.getTime()).toBeLessThanOrEqual(after);
      }
    }
    const r3 = got[2] as Row;
    // The order and proportions of the original two hours, compressed: 45 min, 30 min, 30 min -> 0.375 s, 0.25 s, 0.25 s.
    expect((r3.answered_at as Date).getTime() - r3.created_at.getTime()).toBeCloseTo(375, -1);
    expect((r3.resolved_at as Date).getTime() - (r3.answered_at as Date).getTime()).toBeCloseTo(250, -1);
  });

  test('a key the server does not know stops the replay with its answer, exit code 1', async () => {
    const out = output();
    const code = await runReplayCommand([file, '--url', url, '--key', 'not-a-key'], {
      config: testConfig(),
      stdout: out.stdout,
    });
    expect(code).toBe(1);
    expect(out.text()).toMatch(/refused the replay \(401\)/);
  });
});

describe('heatmap replay while the server is away', () => {
  test('waits for the server and loses nothing', async () => {
    const port = await freePort();
    const db = await createTestDatabase('server', 'empty');
    const out = output();
    const replay = runReplayCommand(
      [file, '--speed', '100000', '--url', `http://127.0.0.1:${port}`, '--key', INGEST_TOKEN],
      {
        config: testConfig(),
        stdout: out.stdout,
      },
    );
    // The server comes up only after the replay has found nobody there.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const app = await buildApp({ db, config: testConfig() });
    try {
      await app.listen({ host: '127.0.0.1', port });
      expect(await replay).toBe(0);
      const [row] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM messages`;
      expect(row?.n).toBe(3);
    } finally {
      await app.close();
      await db.close();
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
