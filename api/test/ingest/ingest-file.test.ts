import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Sql } from '../../src/db/database';
import { IDENTITY_MAPPING, MappingError, parseMappingOption } from '../../src/ingest/field-mapping';
import { ingestFile } from '../../src/ingest/ingest-file';
import { ingestRecords } from '../../src/ingest/ingest-records';
import { InputFileError } from '../../src/ingest/text-stream';
import { ensureTimezone } from '../../src/repositories/settings-repository';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { rollupMismatches } from './rollup-check';

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
const TZ = 'Europe/Budapest';

/** A gzip file whose first 12,000 lines are good and whose stream then breaks: past the first batch. */
function brokenAfterManyRows(): string {
  const lines = Array.from(
    { length: 20_000 },
    (_, i) => `{"id":"big${i}","createdAt":"2024-05-01","category":"Roads","lat":47.5,"lon":19.05}\n`,
  ).join('');
  const gz = gzipSync(lines);
  const path = join(tmpdir(), `heatmap-broken-${process.pid}.ndjson.gz`);
  writeFileSync(path, Buffer.concat([gz.subarray(0, Math.floor(gz.length * 0.6)), Buffer.from('garbage')]));
  return path;
}

async function snapshot(sql: Sql) {
  const [row] = await sql<
    {
      messages: number;
      rollup: number;
      district_rollup: number;
      day_counts: number;
      version: string;
      statuses: string;
    }[]
  >`
    SELECT (SELECT count(*)::int FROM messages) AS messages,
           (SELECT coalesce(sum(n), 0)::int FROM cell_month_rollup) AS rollup,
           (SELECT coalesce(sum(n), 0)::int FROM district_month_rollup) AS district_rollup,
           (SELECT coalesce(sum(n), 0)::int FROM cell_day_counts) AS day_counts,
           (SELECT value FROM app_settings WHERE key = 'data_version') AS version,
           (SELECT string_agg(external_id || ':' || status, ',' ORDER BY external_id) FROM messages) AS statuses`;
  return row;
}

describe.each(BACKENDS)('file import on %s', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
    const report = await ingestFile(db.sql, fixture('messages.ndjson'), { timezone: TZ });
    expect(report).toMatchObject({ inserted: 3, updated: 0, unchanged: 0, rejected: [] });
  });
  afterAll(() => db?.close());

  test('bad rows are rejected with their line and reason; the good ones go in', async () => {
    const report = await ingestFile(db.sql, fixture('bad-rows.csv'), {
      timezone: TZ,
      refineMapping: (m) => parseMappingOption('createdAt=created,answeredAt=answered', m),
    });
    expect(report.inserted).toBe(2);
    expect(report.rejected).toEqual([
      { line: 3, reason: 'missing coordinate lat (column "lat")' },
      { line: 4, reason: 'coordinate lat (column "lat") is not a number: "abc"' },
      { line: 5, reason: 'latitude 95 is outside [-90, 90]' },
      { line: 6, reason: 'longitude 200 is outside [-180, 180]' },
      {
        line: 7,
        reason:
          'createdAt "2024-03-32" is not a date; use ISO 8601 such as 2024-03-01 or 2024-03-01T14:30:00+03:00',
      },
      { line: 8, reason: 'empty category (column "category")' },
      { line: 10, reason: 'answeredAt is before createdAt' },
    ]);
    const rows = await db.sql<{ external_id: string; answered_at: Date | null }[]>`
      SELECT external_id, answered_at FROM messages WHERE external_id IN ('r1', 'r8') ORDER BY 1`;
    expect(rows.map((r) => [r.external_id, r.answered_at?.toISOString() ?? null])).toEqual([
      ['r1', null],
      ['r8', '2024-03-01T17:30:00.000Z'],
    ]);
  });

  test('GeoJSON points with a mapping; a non-point feature is rejected', async () => {
    const report = await ingestFile(db.sql, fixture('points.geojson'), {
      timezone: TZ,
      source: 'city-portal',
      refineMapping: (m) => parseMappingOption('id=ref,createdAt=when,category=kind', m),
    });
    expect(report).toMatchObject({
      inserted: 2,
      rejected: [{ line: 3, reason: expect.stringMatching(/LineString/) }],
    });
    const [g1] = await db.sql<{ lat: number; source: string }[]>`
      SELECT m.lat, s.name AS source FROM messages m JOIN sources s ON s.id = m.source_id WHERE external_id = 'g1'`;
    expect(g1).toEqual({ lat: 47.5, source: 'city-portal' });
  });

  test('re-importing the same files changes nothing, rows without an id included', async () => {
    const before = await snapshot(db.sql);
    const report = await ingestFile(db.sql, fixture('messages.ndjson.gz'), { timezone: TZ });
    expect(report).toEqual({ inserted: 0, updated: 0, unchanged: 3, rejected: [], mappingName: 'identity' });
    expect(await snapshot(db.sql)).toEqual(before);
  });

  test.each([
    ['not-gzip.ndjson.gz', /not a valid gzip file/],
    ['latin1.csv', /not valid UTF-8/],
    ['malformed.ndjson', /line 2: malformed JSON/],
  ])('broken file %s fails and writes nothing', async (name, message) => {
    const before = await snapshot(db.sql);
    await expect(ingestFile(db.sql, fixture(name), { timezone: TZ })).rejects.toThrow(message);
    expect(await snapshot(db.sql)).toEqual(before);
  });

  test('a gzip stream that breaks after several batches rolls all of them back', async () => {
    const before = await snapshot(db.sql);
    await expect(ingestFile(db.sql, brokenAfterManyRows(), { timezone: TZ })).rejects.toThrow(InputFileError);
    expect(await snapshot(db.sql)).toEqual(before);
  });

  test('an unknown field in the mapping fails before anything is written', async () => {
    const before = await snapshot(db.sql);
    expect(() => parseMappingOption('createdAt=created,weather=w')).toThrow(MappingError);
    const mapping = { columns: { ...IDENTITY_MAPPING.columns, weather: 'w' } } as typeof IDENTITY_MAPPING;
    const records = [{ index: 0, record: { createdAt: '2024-01-01', category: 'X', lat: 1, lon: 1 } }];
    await expect(ingestRecords(db.sql, records, { mapping, timezone: TZ })).rejects.toThrow(
      /unknown field "weather"/,
    );
    expect(await snapshot(db.sql)).toEqual(before);
  });

  test('a changed status updates the message and the rollup', async () => {
    const records = [
      {
        index: 0,
        record: {
          id: 'a1',
          createdAt: '2024-05-01T08:00:00Z',
          category: 'Roads',
          lat: 47.5,
          lon: 19.05,
          source: 'vk',
          status: 'resolved',
          resolvedAt: '2024-05-03T08:00:00Z',
        },
      },
    ];
    const report = await ingestRecords(db.sql, records, { mapping: IDENTITY_MAPPING, timezone: TZ });
    expect(report).toEqual({ inserted: 0, updated: 1, unchanged: 0, rejected: [] });
    const rollup = await db.sql<{ n: number; resolved: number; minutes: string }[]>`
      SELECT sum(n)::int AS n, sum(resolved)::int AS resolved, sum(resolve_minutes_sum)::text AS minutes
      FROM cell_month_rollup r JOIN categories c ON c.id = r.category_id
      WHERE res = 8 AND c.name = 'Roads'`;
    const [roads] = await db.sql<{ n: number }[]>`
      SELECT count(*)::int AS n FROM messages m JOIN categories c ON c.id = m.category_id WHERE c.name = 'Roads'`;
    expect(rollup).toEqual([{ n: roads?.n, resolved: 1, minutes: String(2 * 24 * 60) }]);
    expect(await rollupMismatches(db.sql)).toEqual([]);
  });

  test('a new time zone moves local days, and the rollup follows', async () => {
    const dayOf = async () =>
      (await db.sql<{ d: string }[]>`SELECT local_day::text AS d FROM messages WHERE external_id = 'a2'`)[0]
        ?.d;
    // a2 was created 2024-05-01 23:30 Budapest time = 21:30 UTC: the next day in Yakutsk (UTC+9).
    expect(await dayOf()).toBe('2024-05-01');
    await db.sql.begin((tx) => ensureTimezone(tx as unknown as Sql, 'Asia/Yakutsk'));
    expect(await dayOf()).toBe('2024-05-02');
    expect(await rollupMismatches(db.sql)).toEqual([]);
    await db.sql.begin((tx) => ensureTimezone(tx as unknown as Sql, TZ));
    expect(await dayOf()).toBe('2024-05-01');
  });
});
