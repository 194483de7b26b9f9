import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { JAROKELO_STATUSES } from '@heatmap/geo';
import { booleanPointInPolygon, point } from '@turf/turf';
import { latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SeededRandom } from '../../src/generate/seeded-random';
import { ingestFile } from '../../src/ingest/ingest-file';
import { districtsFile, jarokeloFile } from '../global-setup';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';
import { rollupMismatches } from './rollup-check';

/** The file counted directly, without our importer: what the database must hold. */
function countFile() {
  const rows = gunzipSync(readFileSync(jarokeloFile))
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Record<string, string | null>);
  const kept = rows.filter((r) => (r.category ?? '').trim() !== '');
  const tally = (key: (r: Record<string, string | null>) => string) => {
    const out: Record<string, number> = {};
    for (const r of kept) out[key(r)] = (out[key(r)] ?? 0) + 1;
    return out;
  };
  return {
    total: rows.length,
    kept: kept.length,
    byCategory: tally((r) => r.category ?? ''),
    byStatus: tally((r) => JAROKELO_STATUSES[r.status ?? ''] ?? 'unmapped'),
  };
}

const expected = countFile();

describe.each(BACKENDS)('the Járókelő file on %s', (backend) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(backend, 'seeded');
  });
  afterAll(() => db?.close());

  test('every row with a category is stored: the file has 37,869 rows, 9 without a category', async () => {
    expect(expected.total).toBe(37_869);
    const [row] = await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM messages`;
    expect(row?.n).toBe(expected.kept);
    expect(expected.kept).toBe(37_860);
  });

  test('per category and per status the same counts as the file', async () => {
    const categories = await db.sql<{ name: string; n: number }[]>`
      SELECT c.name, count(*)::int AS n FROM messages m JOIN categories c ON c.id = m.category_id GROUP BY 1`;
    expect(Object.fromEntries(categories.map((r) => [r.name, r.n]))).toEqual(expected.byCategory);
    const statuses = await db.sql<{ status: string; n: number }[]>`
      SELECT status::text, count(*)::int AS n FROM messages GROUP BY 1`;
    expect(Object.fromEntries(statuses.map((r) => [r.status, r.n]))).toEqual(expected.byStatus);
  });

  test('every stored cell is latLngToCell of the point, at each resolution', async () => {
    const rows = await db.sql<Record<string, number | bigint>[]>`
      SELECT lat, lon, h3_5, h3_6, h3_7, h3_8, h3_9, h3_10 FROM messages`;
    let wrong = 0;
    for (const r of rows) {
      for (const res of [5, 6, 7, 8, 9, 10]) {
        const cell = BigInt(`0x${latLngToCell(r.lat as number, r.lon as number, res)}`);
        if (r[`h3_${res}`] !== cell) wrong++;
      }
    }
    expect(rows).toHaveLength(expected.kept);
    expect(wrong).toBe(0);
  });

  test('the district of a sample of points matches a turf point-in-polygon check', async () => {
    const features = (
      JSON.parse(readFileSync(districtsFile, 'utf8')) as {
        features: Array<{ properties: { NAME: string }; geometry: GeoJSON.Polygon }>;
      }
    ).features;
    const random = new SeededRandom(42);
    const ids = Array.from({ length: 400 }, () => 1 + random.int(40_000));
    const rows = await db.sql<{ lat: number; lon: number; district: string | null }[]>`
      SELECT m.lat, m.lon, d.name AS district FROM messages m LEFT JOIN districts d ON d.id = m.district_id
      WHERE m.id = ANY(${ids}::bigint[])`;
    expect(rows.length).toBeGreaterThan(300);
    for (const r of rows) {
      const p = point([r.lon, r.lat]);
      const turf = features.find((f) => booleanPointInPolygon(p, f.geometry))?.properties.NAME ?? null;
      expect({ at: [r.lat, r.lon], district: r.district }).toEqual({ at: [r.lat, r.lon], district: turf });
    }
    const [outside] = await db.sql<
      { n: number }[]
    >`SELECT count(*)::int AS n FROM messages WHERE district_id IS NULL`;
    expect(outside?.n).toBe(145);
  });

  test('every pre-aggregate row equals the same GROUP BY over the messages', async () => {
    expect(await rollupMismatches(db.sql)).toEqual([]);
  });

  test('for random filter combinations the pre-aggregate sums equal the raw counts', async () => {
    const random = new SeededRandom(7);
    const [ids] = await db.sql<{ categories: number[]; districts: number[] }[]>`
      SELECT (SELECT array_agg(id::int) FROM categories) AS categories,
             (SELECT array_agg(id) FROM districts) AS districts`;
    const some = <T>(xs: T[]) => xs.filter(() => random.next() < 0.5);
    const sums = db.sql`coalesce(sum(n), 0)::int AS n, coalesce(sum(answered), 0)::int AS answered,
      coalesce(sum(answer_minutes_sum), 0)::text AS minutes`;
    const raw = db.sql`count(*)::int AS n, count(answered_at)::int AS answered,
      coalesce(sum(floor(extract(epoch FROM answered_at - created_at) / 60)), 0)::bigint::text AS minutes`;
    for (let i = 0; i < 12; i++) {
      const res = 5 + random.int(4);
      const from = new Date(Date.UTC(2023, 10 + random.int(20), 1)).toISOString().slice(0, 10);
      const to = new Date(Date.UTC(2023, 10 + random.int(24), 1)).toISOString().slice(0, 10);
      const categories = some(ids?.categories ?? []);
      const districts = [...some(ids?.districts ?? []), ...(random.next() < 0.5 ? [0] : [])];
      const months = db.sql`month >= ${from}::date AND month < ${to}::date AND category_id = ANY(${categories}::int[])`;
      const days = db.sql`local_day >= ${from}::date AND local_day < ${to}::date AND category_id = ANY(${categories}::int[])`;
      const [cells] = await db.sql`SELECT ${sums} FROM cell_month_rollup WHERE res = ${res} AND ${months}`;
      const [byDistrict] = await db.sql`
        SELECT ${sums} FROM district_month_rollup WHERE ${months} AND district_id = ANY(${districts}::int[])`;
      const [all] = await db.sql`SELECT ${raw} FROM messages WHERE ${days}`;
      const [inDistricts] = await db.sql`
        SELECT ${raw} FROM messages WHERE ${days} AND coalesce(district_id, 0) = ANY(${districts}::int[])`;
      expect({ i, res, ...cells }).toEqual({ i, res, ...all });
      expect({ i, ...byDistrict }).toEqual({ i, ...inDistricts });
    }
  });

  test('re-importing the whole file is a no-op', async () => {
    const version = async () =>
      (await db.sql<{ value: string }[]>`SELECT value FROM app_settings WHERE key = 'data_version'`)[0]
        ?.value;
    const before = await version();
    const report = await ingestFile(db.sql, jarokeloFile, { timezone: db.timezone });
    expect(report.inserted).toBe(0);
    expect(report.updated).toBe(0);
    expect(report.unchanged).toBe(expected.kept);
    expect(report.rejected).toHaveLength(9);
    expect(report.rejected.every((r) => r.reason === 'empty category (column "category")')).toBe(true);
    expect(await version()).toBe(before);
  });
});
