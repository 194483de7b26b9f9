import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { shippedDistrictsFile } from '../../src/cli/generate-command';
import { maintainCommand } from '../../src/cli/maintain-command';
import type { Sql } from '../../src/db/database';
import { loadDistrictsFile } from '../../src/ingest/districts-file';
import { upsertGenerated } from '../../src/ingest/upsert-generated';
import { PRE_AGGREGATE_TABLES, relayPreAggregates } from '../../src/repositories/pre-aggregate-layout';
import { rollupMismatches } from '../ingest/rollup-check';
import { shippedGenerated } from '../support/store-generated';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const TZ = 'Europe/Budapest';
/** What an import writes besides the pre-aggregates. */
const BASE_TABLES = ['messages', 'sources', 'categories', 'data_changes'];

async function nonEmptyTables(sql: Sql): Promise<Set<string>> {
  const tables = await sql<{ name: string }[]>`
    SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE n.nspname = 'public' AND c.relkind = 'r'`;
  const filled = new Set<string>();
  for (const { name } of tables) {
    const [row] = await sql<{ any: boolean }[]>`SELECT EXISTS (SELECT FROM ${sql(name)}) AS any`;
    if (row?.any) filled.add(name);
  }
  return filled;
}

/** Rows stored after a row with a greater primary key: 0 when the table lies in key order. */
async function rowsOutOfKeyOrder(sql: Sql, table: string): Promise<number> {
  const columns = await sql<{ name: string }[]>`
    SELECT a.attname AS name
    FROM pg_index x JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = ANY (x.indkey::int2[])
    WHERE x.indrelid = ${table}::regclass AND x.indisprimary
    ORDER BY array_position(x.indkey::int2[], a.attnum)`;
  const key = sql(columns.map((c) => c.name));
  const [row] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT ctid, lag(ctid) OVER (ORDER BY ${key}) AS previous FROM ${sql(table)}) s
    WHERE previous > ctid`;
  return row?.n ?? 0;
}

const generated = (count: number, seed: number) =>
  shippedGenerated({ count, seed, from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z', timezone: TZ });

/** Takes `mode` on `table` in an open transaction on `sql`; the returned function commits it. */
async function holdLock(sql: postgres.Sql, table: string, mode: 'ROW EXCLUSIVE' | 'EXCLUSIVE') {
  let commit = () => {};
  const held = new Promise<void>((resolve) => {
    commit = resolve;
  });
  let locked = () => {};
  const isLocked = new Promise<void>((resolve) => {
    locked = resolve;
  });
  const transaction = sql.begin(async (tx) => {
    await tx`LOCK TABLE ${tx(table)} IN ${tx.unsafe(mode)} MODE`;
    locked();
    await held;
  });
  await isLocked;
  return async () => {
    commit();
    await transaction;
  };
}

describe.each(BACKENDS)('the pre-aggregates re-laid in key order on %s', (backend) => {
  let db: TestDatabase;
  let filledBeforeImport: Set<string>;
  const lines: string[] = [];
  const maintain = (lockTimeoutMs?: number) =>
    maintainCommand(db.sql, { out: (line) => lines.push(line), ...(lockTimeoutMs ? { lockTimeoutMs } : {}) });

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    await loadDistrictsFile(db.sql, shippedDistrictsFile, 'NAME');
    filledBeforeImport = await nonEmptyTables(db.sql);
    // Many small transactions over the same cells and months: each one updates rows the last one wrote,
    // as a day's imports do.
    await upsertGenerated(db, await generated(6_000, 3), TZ, { writers: 1, rowsPerTransaction: 400 });
    // Generated messages carry no address: a few with one fill the street tables too.
    const withStreets = [...(await generated(30, 6))].map((m) => ({
      ...m,
      externalId: `street-${m.externalId}`,
      address: 'Budapest, Andrássy út 12.',
    }));
    await upsertGenerated(db, withStreets, TZ);
  });
  afterAll(() => db.close());

  test('the list names every table an import fills besides its own', async () => {
    const filled = [...(await nonEmptyTables(db.sql))].filter(
      (t) => !filledBeforeImport.has(t) && !BASE_TABLES.includes(t),
    );
    expect(filled.sort()).toEqual([...PRE_AGGREGATE_TABLES].sort());
  });

  test('maintain: every pre-aggregate in key order, in fewer pages, each row as it was', async () => {
    const scattered = [];
    for (const table of PRE_AGGREGATE_TABLES) {
      if ((await rowsOutOfKeyOrder(db.sql, table)) > 0) scattered.push(table);
    }
    // Imports leave the big ones out of order: otherwise this test would show nothing.
    expect(scattered).toEqual(expect.arrayContaining(['cell_month_rollup', 'cell_month_sketch']));
    await maintain();
    for (const table of PRE_AGGREGATE_TABLES) {
      expect(await rowsOutOfKeyOrder(db.sql, table), table).toBe(0);
    }
    expect(lines.at(-1)).toMatch(/^re-laid 24 pre-aggregates in [\d.]+ s: (\d+) pages -> (\d+)$/);
    const [, before, after] = (lines.at(-1) as string).match(/(\d+) pages -> (\d+)$/) as string[];
    expect(Number(after)).toBeLessThan(Number(before));
    expect(await rollupMismatches(db.sql)).toEqual([]);
  });

  test('a second run with nothing changed does nothing; a new import makes the next one work', async () => {
    lines.length = 0;
    await maintain();
    expect(lines).toEqual([expect.stringMatching(/^nothing changed since the last maintenance/)]);
    await upsertGenerated(db, await generated(50, 4), TZ);
    lines.length = 0;
    await maintain();
    expect(lines.at(-1)).toMatch(/^re-laid 24 pre-aggregates/);
    expect(await rollupMismatches(db.sql)).toEqual([]);
  });
});

describe('maintain beside an open import on server', () => {
  let db: TestDatabase;
  let other: postgres.Sql;
  beforeAll(async () => {
    db = await createTestDatabase('server', 'empty');
    await loadDistrictsFile(db.sql, shippedDistrictsFile, 'NAME');
    await upsertGenerated(db, await generated(500, 5), TZ);
    other = postgres(db.url as string, { max: 1, onnotice: () => {} });
  });
  afterAll(async () => {
    await other.end();
    await db.close();
  });

  test('a table held by another transaction is skipped, the rest re-laid, and the next run does it', async () => {
    // An import's flush holds ROW EXCLUSIVE on the tables it wrote until it commits.
    const release = await holdLock(other, 'cell_year_rollup', 'ROW EXCLUSIVE');
    const lines: string[] = [];
    await maintainCommand(db.sql, { out: (line) => lines.push(line), lockTimeoutMs: 200 });
    await release();
    expect(lines).toContain('  cell_year_rollup: busy, skipped');
    expect(lines.filter((l) => / pages, /.test(l))).toHaveLength(PRE_AGGREGATE_TABLES.length - 1);
    expect(lines.at(-1)).toMatch(/^1 busy/);
    lines.length = 0;
    await maintainCommand(db.sql, { out: (line) => lines.push(line) });
    expect(lines.at(-1)).toMatch(/^re-laid 24 pre-aggregates/);
    expect(await rowsOutOfKeyOrder(db.sql, 'cell_year_rollup')).toBe(0);
  });

  test('two runs at once (cron and a hand): no deadlock, each waits for the other', async () => {
    // A third transaction keeps both runs at the first table, so they reach it together.
    const third = postgres(db.url as string, { max: 1, onnotice: () => {} });
    const release = await holdLock(third, 'cell_month_rollup', 'EXCLUSIVE');
    const runs = Promise.all([
      relayPreAggregates(db.sql, { lockTimeoutMs: 10_000 }),
      relayPreAggregates(other as unknown as Sql, { lockTimeoutMs: 10_000 }),
    ]);
    const waiting = async () => {
      const [row] = await db.sql<{ n: number }[]>`
        SELECT count(*)::int AS n FROM pg_locks WHERE relation = 'cell_month_rollup'::regclass AND NOT granted`;
      return row?.n ?? 0;
    };
    while ((await waiting()) < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    await release();
    await third.end();
    const [first, second] = await runs;
    expect([...first, ...second].filter((r) => 'busy' in r)).toEqual([]);
    expect(first.map((r) => r.table)).toEqual([...PRE_AGGREGATE_TABLES]);
    expect(second.map((r) => r.table)).toEqual([...PRE_AGGREGATE_TABLES]);
  });
});
