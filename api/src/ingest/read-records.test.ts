import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { SourceRecord } from './ingest-records';
import { formatOf, readRecordFile } from './read-records';
import { InputFileError } from './text-stream';

const fixture = (name: string) =>
  name === 'truncated.json'
    ? truncatedJson
    : new URL(`../../test/fixtures/${name}`, import.meta.url).pathname;
// Written at run time: a broken .json file in the tree would break the formatter's check.
const truncatedJson = join(tmpdir(), `heatmap-truncated-${process.pid}.json`);
beforeAll(() => {
  writeFileSync(truncatedJson, '[{"id":"m1","createdAt":"2024-05-01","lat":47.5},\n{"id":"m2","lat":47.5,\n');
});

async function readAll(name: string): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  for await (const r of readRecordFile(fixture(name)).records) out.push(r);
  return out;
}

describe('formatOf', () => {
  test('from the extension, ignoring .gz', () => {
    expect(formatOf('a/b.CSV')).toBe('csv');
    expect(formatOf('x.jsonl.gz')).toBe('ndjson');
    expect(formatOf('x.geojson')).toBe('geojson');
    expect(() => formatOf('x.xlsx')).toThrow(InputFileError);
  });
});

describe('readers', () => {
  test('CSV rows keep their line numbers', async () => {
    const rows = await readAll('bad-rows.csv');
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual({
      line: 2,
      record: {
        id: 'r1',
        created: '2024-03-01 10:00',
        category: 'Roads',
        lat: '47.5',
        lon: '19.05',
        status: 'new',
        answered: '',
      },
    });
    expect(rows[8]?.line).toBe(10);
  });
  test('CSV with semicolons and a quoted delimiter', async () => {
    expect((await readAll('semicolon.csv'))[0]?.record).toMatchObject({
      id: 's1',
      category: 'Roads; potholes',
    });
  });
  test('NDJSON skips blank lines and counts them', async () => {
    const rows = await readAll('messages.ndjson');
    expect(rows.map((r) => r.line)).toEqual([1, 3, 4]);
    expect(rows[1]?.record.id).toBe('a2');
  });
  test('gzip is read transparently', async () => {
    expect(await readAll('messages.ndjson.gz')).toEqual(await readAll('messages.ndjson'));
  });
  test('a JSON array streams its objects; brackets inside strings do not confuse it', async () => {
    const rows = await readAll('messages.json');
    expect(rows.map((r) => r.line)).toEqual([2, 10, 11]);
    expect(rows[0]?.record.text).toBe('a "quoted" ] } [ text');
    expect(rows[2]?.reason).toBe('the array element is not a JSON object');
  });
  test('GeoJSON points: properties plus lat/lon from the geometry', async () => {
    const rows = await readAll('points.geojson');
    expect(rows[0]?.record).toMatchObject({ ref: 'g1', lat: 47.5, lon: 19.05 });
    expect(rows[1]?.reason).toBe("the feature's geometry is LineString, expected a Point");
    expect(rows[2]?.line).toBe(4);
  });
  test.each([
    ['not-gzip.ndjson.gz', /not a valid gzip file/],
    ['truncated.ndjson.gz', /not a valid gzip file/],
    ['latin1.csv', /not valid UTF-8/],
    ['malformed.ndjson', /line 2: malformed JSON/],
    ['truncated.json', /truncated/],
    ['missing.csv', /no such file/],
  ])('%s fails as a whole with a clear message', async (name, message) => {
    await expect(readAll(name)).rejects.toThrow(InputFileError);
    await expect(readAll(name)).rejects.toThrow(message);
  });
});
