/**
 * Monthly declarative partitioning of `messages`, measured against today's table on the same data:
 *   tsx bench/scale/partition-study.ts [messages] [plain,monthly]   (default 1,000,000, plain first;
 *   BENCH_DATABASE_URL as pnpm bench)
 * Two scratch databases (dropped at the end) get the same country data set (country-messages.ts); one has
 * `messages` rebuilt as a table partitioned by month of created_at. For each: ingest rate, VACUUM ANALYZE
 * after the load and after 5% of the messages changed status, p50/p95 of a few map reads, and retention
 * (removing the oldest month: DELETE, and on the partitioned one DETACH + DROP). Prints and writes JSON.
 *
 * A partitioned table's unique keys must contain the partition key, so the idempotency key becomes
 * (source_id, external_id, created_at): the study rewrites the upsert's ON CONFLICT target to it. That is
 * a measurement device, not a design: a re-sent message whose created_at was corrected would no longer
 * conflict with its old row but be stored twice (see docs/scale.md).
 */
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { type Database, migrate, openDatabase, type Sql, upsertGenerated } from '@heatmap/api';
import postgres from 'postgres';
import { percentile, round, sampleRequest, timelineCases } from '../api/api-suite';
import { startBenchApp } from '../api/bench-session';
import { countryDistricts } from './country-districts';
import { countryMessages, SCALE_TIMEZONE } from './country-messages';
import { loadCountry } from './load-country';

const adminUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.TEST_DATABASE_URL ??
  'postgres://postgres:postgres@127.0.0.1:5432/postgres';
const size = Number(process.argv[2] ?? 1_000_000);
const SAMPLES = 20;
/** The data set's first month (country-messages.ts): the one retention removes. */
const FIRST_MONTH = '2024-01';
const country = countryDistricts();

const results = [];
// The order is a parameter: on a busy machine, running both orders tells the variant from the moment.
const variants = (process.argv[3] ?? 'plain,monthly').split(',') as Array<'plain' | 'monthly'>;
for (const variant of variants) {
  const name = `heatmap_partition_study_${variant}`;
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), max: 10 });
  try {
    await migrate(db.sql);
    await loadCountry(db.sql, country);
    if (variant === 'monthly') await partitionMessages(db.sql);
    const load = { loadAverageBefore: loadavg().map(round) };
    const ingestSeconds = await timed(() =>
      upsertGenerated(
        variant === 'monthly' ? { kind: db.kind, sql: partitionKeyed(db.sql) } : db,
        countryMessages(country, size),
        SCALE_TIMEZONE,
      ),
    );
    const vacuumAfterLoad = await timed(() => db.sql`VACUUM ANALYZE messages`);
    // 5% of the messages change status (a control room closing them): dead tuples for VACUUM to clear.
    const updateSeconds = await timed(
      () =>
        db.sql`UPDATE messages SET status = 'resolved', resolved_at = coalesce(resolved_at, created_at + interval '3 days')
             WHERE id % 20 = 0`,
    );
    const vacuumAfterUpdate = await timed(() => db.sql`VACUUM ANALYZE messages`);
    const reads = await measureReads(db);
    const retention = await measureRetention(db.sql, variant);
    const [bytes] = await db.sql<{ b: bigint }[]>`SELECT pg_database_size(current_database()) AS b`;
    const row = {
      variant,
      messages: size,
      ingestPerSecond: Math.round(size / ingestSeconds),
      ingestSeconds: round(ingestSeconds),
      vacuumAnalyzeAfterLoadSeconds: round(vacuumAfterLoad),
      updateFivePercentSeconds: round(updateSeconds),
      vacuumAnalyzeAfterUpdateSeconds: round(vacuumAfterUpdate),
      databaseMb: Math.round(Number(bytes?.b ?? 0) / 1048576),
      reads,
      retention,
      ...load,
      loadAverageAfter: loadavg().map(round),
    };
    console.log(JSON.stringify(row));
    results.push(row);
  } finally {
    await db.close();
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}
const file = new URL(
  `../results/partition-study-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  import.meta.url,
);
writeFileSync(file, `${JSON.stringify({ at: new Date().toISOString(), size, results }, null, 2)}\n`);
console.log(`wrote ${file.pathname}`);

/**
 * Rebuilds the empty `messages` as a table partitioned by month of created_at (in the region's zone), from
 * 2023-12 to 2026-01 plus a default partition, with the same columns, indexes and triggers; the keys gain
 * created_at, which a partitioned table's unique keys must contain.
 */
async function partitionMessages(sql: Sql) {
  await sql.begin(async (tx) => {
    const t = tx as unknown as Sql;
    const indexes = await t<{ def: string; name: string }[]>`
      SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE tablename = 'messages'`;
    const triggers = await t<{ def: string }[]>`
      SELECT pg_get_triggerdef(oid) AS def FROM pg_trigger WHERE tgrelid = 'messages'::regclass AND NOT tgisinternal`;
    await t`ALTER TABLE messages RENAME TO messages_plain`;
    await t`ALTER SEQUENCE messages_id_seq OWNED BY NONE`;
    await t`CREATE TABLE messages (LIKE messages_plain INCLUDING DEFAULTS INCLUDING STORAGE) PARTITION BY RANGE (created_at)`;
    await t`DROP TABLE messages_plain`;
    await t`ALTER TABLE messages ADD PRIMARY KEY (id, created_at)`;
    await t`ALTER TABLE messages ADD UNIQUE (source_id, external_id, created_at)`;
    for (let m = 0; m < 26; m++) {
      const from = monthStart(2023, 11 + m);
      const to = monthStart(2023, 12 + m);
      await t.unsafe(`CREATE TABLE messages_${from.slice(0, 7).replace('-', '_')} PARTITION OF messages
        FOR VALUES FROM ('${from} 00:00 ${SCALE_TIMEZONE}') TO ('${to} 00:00 ${SCALE_TIMEZONE}')`);
    }
    await t`CREATE TABLE messages_default PARTITION OF messages DEFAULT`;
    for (const index of indexes) {
      if (index.name.endsWith('_pkey') || index.name.endsWith('_key')) continue;
      await t.unsafe(index.def.replace(' ON public.messages_plain ', ' ON public.messages '));
    }
    for (const trigger of triggers)
      await t.unsafe(trigger.def.replace(' ON public.messages_plain ', ' ON public.messages '));
  });
}

/**
 * The same client, with the upsert's conflict target widened to the partitioned table's key and its
 * inserted-or-updated test (xmax, which a partitioned table cannot return) dropped.
 */
function partitionKeyed(sql: Sql): Sql {
  return new Proxy(sql, {
    apply(target, _this, args: unknown[]) {
      const [strings, ...values] = args;
      if (Array.isArray(strings) && 'raw' in strings) {
        const rewritten = strings.map((s: string) =>
          s
            .replace(
              'ON CONFLICT (source_id, external_id)',
              'ON CONFLICT (source_id, external_id, created_at)',
            )
            // PostgreSQL 15 cannot return xmax from a partitioned table; the study's rows are all new.
            .replace('RETURNING (xmax = 0) AS inserted', 'RETURNING true AS inserted'),
        );
        return (target as unknown as (...a: unknown[]) => unknown)(
          Object.assign(rewritten, { raw: rewritten }),
          ...values,
        );
      }
      return (target as unknown as (...a: unknown[]) => unknown)(...args);
    },
    get(target, property) {
      if (property === 'begin') {
        return (run: (tx: Sql) => Promise<unknown>) =>
          target.begin((tx) => run(partitionKeyed(tx as unknown as Sql)));
      }
      return Reflect.get(target, property);
    },
  });
}

async function measureReads(db: Database) {
  const [busiest] = await db.sql<{ cell: string }[]>`
    SELECT to_hex(h3_8) AS cell FROM messages GROUP BY h3_8 ORDER BY count(*) DESC LIMIT 1`;
  const cases = [
    { name: 'hexagons res 8, day', url: '/api/v1/hexagons?res=8&from=2025-06-10&to=2025-06-11' },
    {
      name: 'hexagons res 8, 2025-03-15..2025-08-20 (raw edges)',
      url: '/api/v1/hexagons?res=8&from=2025-03-15&to=2025-08-20',
    },
    { name: 'hexagons res 8, all', url: '/api/v1/hexagons?res=8' },
    ...timelineCases().filter((c) => c.url.includes('res=8')),
    {
      name: 'drill-down first page, busiest res-8 cell',
      url: `/api/v1/cells/${busiest?.cell}/messages?limit=50`,
    },
  ];
  const { app, base, cookie } = await startBenchApp(db, { cacheVersionTtlMs: 200 });
  try {
    const out = [];
    for (const c of cases) {
      const { times } = await sampleRequest(app, base + c.url, cookie, SAMPLES);
      out.push({ name: c.name, p50: round(percentile(times, 0.5)), p95: round(percentile(times, 0.95)) });
    }
    return out;
  } finally {
    await app.close();
  }
}

/** Removing the oldest month: a DELETE (the triggers take it out of the pre-aggregates) on both; DETACH on the partitioned. */
async function measureRetention(sql: Sql, variant: 'plain' | 'monthly') {
  const oldest = `messages_${FIRST_MONTH.replace('-', '_')}`;
  if (variant === 'plain') {
    const seconds = await timed(() =>
      sql.unsafe(`DELETE FROM messages WHERE created_at < '2024-02-01 00:00 ${SCALE_TIMEZONE}'`),
    );
    return { deleteOldestMonthSeconds: round(seconds) };
  }
  // DETACH fires no trigger: the pre-aggregates would go on counting the detached month.
  const detachSeconds = await timed(() => sql.unsafe(`ALTER TABLE messages DETACH PARTITION ${oldest}`));
  const dropSeconds = await timed(() => sql.unsafe(`DROP TABLE ${oldest}`));
  // Through the parent, as the app would: statement triggers on a partition's parent do not fire for
  // a statement on the partition itself, so a DELETE there would bypass the pre-aggregates.
  const deleteSeconds = await timed(() =>
    sql.unsafe(`DELETE FROM messages WHERE created_at >= '2024-02-01 00:00 ${SCALE_TIMEZONE}'
      AND created_at < '2024-03-01 00:00 ${SCALE_TIMEZONE}'`),
  );
  return {
    detachOldestMonthSeconds: round(detachSeconds),
    dropDetachedSeconds: round(dropSeconds),
    deleteNextMonthSeconds: round(deleteSeconds),
  };
}

function monthStart(year: number, monthIndex: number): string {
  const d = new Date(Date.UTC(year, monthIndex, 1));
  return d.toISOString().slice(0, 10);
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

async function admin(statement: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(statement);
  } finally {
    await sql.end();
  }
}
