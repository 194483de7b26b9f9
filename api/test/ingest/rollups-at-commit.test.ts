import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Sql } from '../../src/db/database';
import type { MessageInput } from '../../src/ingest/message-input';
import { upsertMessages } from '../../src/repositories/messages-repository';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { rollupMismatches } from './rollup-check';

const TZ = 'Europe/Budapest';

function message(id: string, overrides: Partial<MessageInput> = {}): MessageInput {
  return {
    source: 'vk',
    externalId: id,
    category: 'Roads',
    title: null,
    text: null,
    author: null,
    authorUrl: null,
    address: null,
    executor: null,
    url: null,
    status: 'answered',
    statusRaw: null,
    createdAt: new Date('2024-05-01T08:00:00Z'),
    answeredAt: new Date('2024-05-01T10:30:00Z'),
    resolvedAt: null,
    lat: 47.5 + Number(id.replace(/\D/g, '')) * 0.001,
    lon: 19.05,
    ...overrides,
  };
}

const dataVersion = async (sql: Sql) =>
  Number(
    (await sql<{ value: string }[]>`SELECT value FROM app_settings WHERE key = 'data_version'`)[0]?.value,
  );

const rollupTotal = async (sql: Sql) =>
  (await sql<{ n: number }[]>`SELECT coalesce(sum(n), 0)::int AS n FROM cell_month_rollup WHERE res = 8`)[0]
    ?.n;

/**
 * Migration 0003 sums the pre-aggregates once per transaction, at commit, from a queue the
 * statement triggers fill. These tests try the ways a queue could leak, double count or go stale.
 */
describe.each(BACKENDS)('pre-aggregates summed at commit on %s', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
  });
  afterAll(() => db.close());

  test('several statements in one transaction: exact sums and one data_version bump', async () => {
    const before = await dataVersion(db.sql);
    await db.sql.begin(async (tx) => {
      const sql = tx as unknown as Sql;
      await upsertMessages(sql, [message('m1'), message('m2')], TZ);
      await upsertMessages(sql, [message('m3', { category: 'Lighting' })], TZ);
      await upsertMessages(
        sql,
        [message('m1', { status: 'resolved', resolvedAt: new Date('2024-05-02T08:00:00Z') })],
        TZ,
      );
    });
    expect(await rollupTotal(db.sql)).toBe(3);
    expect(await dataVersion(db.sql)).toBe(before + 1);
    const [resolved] = await db.sql<{ resolved: number; minutes: string }[]>`
      SELECT sum(resolved)::int AS resolved, sum(resolve_minutes_sum)::text AS minutes
      FROM cell_month_rollup WHERE res = 8`;
    expect(resolved).toEqual({ resolved: 1, minutes: String(24 * 60) });
    expect(await rollupMismatches(db.sql)).toEqual([]);
  });

  test('a rolled back transaction leaves no trace, and the next one sums only its own rows', async () => {
    const before = { version: await dataVersion(db.sql), total: await rollupTotal(db.sql) };
    await expect(
      db.sql.begin(async (tx) => {
        await upsertMessages(tx as unknown as Sql, [message('r1'), message('r2')], TZ);
        throw new Error('the reader broke');
      }),
    ).rejects.toThrow('the reader broke');
    expect({ version: await dataVersion(db.sql), total: await rollupTotal(db.sql) }).toEqual(before);
    await db.sql.begin((tx) => upsertMessages(tx as unknown as Sql, [message('r3')], TZ));
    expect(await rollupTotal(db.sql)).toBe((before.total ?? 0) + 1);
    expect(await rollupMismatches(db.sql)).toEqual([]);
  });

  test('rows written in a rolled back savepoint are not summed', async () => {
    const total = await rollupTotal(db.sql);
    await db.sql.begin(async (tx) => {
      const sql = tx as unknown as Sql;
      await upsertMessages(sql, [message('s1')], TZ);
      await expect(
        tx.savepoint(async (sp) => {
          await upsertMessages(sp as unknown as Sql, [message('s2'), message('s3')], TZ);
          throw new Error('undo these two');
        }),
      ).rejects.toThrow('undo these two');
    });
    expect(await rollupTotal(db.sql)).toBe((total ?? 0) + 1);
    expect(await rollupMismatches(db.sql)).toEqual([]);
  });

  test('a transaction that changes nothing keeps data_version', async () => {
    const before = await dataVersion(db.sql);
    await db.sql.begin((tx) => upsertMessages(tx as unknown as Sql, [message('s1')], TZ));
    expect(await dataVersion(db.sql)).toBe(before);
  });

  test('a flush forced mid-transaction is not summed again at commit', async () => {
    const total = await rollupTotal(db.sql);
    await db.sql.begin(async (tx) => {
      const sql = tx as unknown as Sql;
      await upsertMessages(sql, [message('f1')], TZ);
      await sql`SET CONSTRAINTS flush_message_changes IMMEDIATE`;
      await sql`SET CONSTRAINTS flush_message_changes DEFERRED`;
      await upsertMessages(sql, [message('f2')], TZ);
    });
    expect(await rollupTotal(db.sql)).toBe((total ?? 0) + 2);
    expect(await rollupMismatches(db.sql)).toEqual([]);
  });

  test('concurrent transactions into the same cells both land in the sums', async () => {
    const total = await rollupTotal(db.sql);
    const batch = (prefix: string) =>
      Array.from({ length: 300 }, (_, i) => message(`${prefix}${i}`, { lat: 47.5 + (i % 7) * 0.002 }));
    await Promise.all(
      ['c', 'k'].map((prefix) =>
        db.sql.begin((tx) => upsertMessages(tx as unknown as Sql, batch(prefix), TZ)),
      ),
    );
    expect(await rollupTotal(db.sql)).toBe((total ?? 0) + 600);
    expect(await rollupMismatches(db.sql)).toEqual([]);
  });

  test("a message's life new -> answered -> resolved moves its count between status keys at each commit", async () => {
    const byStatus = async () =>
      Object.fromEntries(
        (
          await db.sql<{ status: string; n: number; resolved: number }[]>`
            SELECT r.status::text, sum(r.n)::int AS n, sum(r.resolved)::int AS resolved
            FROM cell_year_source_status_rollup r JOIN categories c ON c.id = r.category_id
            WHERE r.res = 8 AND c.name = 'Potholes' GROUP BY 1`
        ).map((row) => [row.status, [row.n, row.resolved]]),
      );
    const life = [
      { status: 'new', answeredAt: null, resolvedAt: null },
      { status: 'answered', answeredAt: new Date('2024-05-01T09:00:00Z'), resolvedAt: null },
      {
        status: 'resolved',
        answeredAt: new Date('2024-05-01T09:00:00Z'),
        resolvedAt: new Date('2024-05-03T09:00:00Z'),
      },
    ] as const;
    for (const stage of life) {
      await db.sql.begin((tx) =>
        upsertMessages(tx as unknown as Sql, [message('l1', { category: 'Potholes', ...stage })], TZ),
      );
      expect(await byStatus()).toEqual({ [stage.status]: [1, stage.resolvedAt ? 1 : 0] });
      expect(await rollupMismatches(db.sql)).toEqual([]);
    }
    const version = await dataVersion(db.sql);
    await db.sql.begin((tx) =>
      upsertMessages(tx as unknown as Sql, [message('l1', { category: 'Potholes', ...life[2] })], TZ),
    );
    expect(await dataVersion(db.sql)).toBe(version);
    expect(await byStatus()).toEqual({ resolved: [1, 1] });
  });

  test('deleted messages leave the sums, and emptied groups are removed', async () => {
    await db.sql.begin((tx) =>
      upsertMessages(tx as unknown as Sql, [message('d1', { category: 'Trees', lat: 47.45 })], TZ),
    );
    const groups = () => db.sql`
      SELECT 1 FROM cell_month_rollup r JOIN categories c ON c.id = r.category_id WHERE c.name = 'Trees'`;
    expect(await groups()).toHaveLength(4);
    await db.sql`DELETE FROM messages WHERE external_id = 'd1'`;
    expect(await groups()).toHaveLength(0);
    expect(await rollupMismatches(db.sql)).toEqual([]);
  });
});
