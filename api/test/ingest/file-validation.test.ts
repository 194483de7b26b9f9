import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestFile } from '../../src/ingest/ingest-file';
import { readRecordFile } from '../../src/ingest/read-records';
import { InputFileError } from '../../src/ingest/text-stream';
import { BACKENDS, createTestDatabase, type TestDatabase } from '../test-database';

const TZ = 'Europe/Budapest';
let files = 0;

function tempFile(name: string, content: string | Buffer): string {
  const path = join(tmpdir(), `heatmap-validation-${process.pid}-${files++}-${name}`);
  writeFileSync(path, content);
  return path;
}

function row(id: string, overrides: Record<string, unknown> = {}) {
  return { id, createdAt: '2024-06-01T10:00:00Z', category: 'roads', lat: 47.5, lon: 19.05, ...overrides };
}
const ndjson = (rows: object[]) => `${rows.map((r) => JSON.stringify(r)).join('\n')}\n`;

describe.each(BACKENDS)('file import refuses what it cannot store faithfully, on %s', (backend) => {
  let db: TestDatabase;
  const count = async () => (await db.sql<{ n: number }[]>`SELECT count(*)::int AS n FROM messages`)[0]?.n;

  beforeAll(async () => {
    db = await createTestDatabase(backend, 'empty');
  });
  afterAll(() => db?.close());

  test('NDJSON: implausible dates, coerced values, bad offsets, oversized fields and repeated ids are rejected by line', async () => {
    const path = tempFile(
      'bad.ndjson',
      ndjson([
        row('ok-1'),
        row('far-future', { createdAt: '9999-12-31' }),
        row('too-old', { createdAt: '1989-06-01' }),
        row('typo', { resolvedAt: '2205-06-01' }),
        row('bool', { lat: true }),
        row('hex', { lon: '0x13' }),
        row('zone', { createdAt: '2024-06-01T10:00:00+99:99' }),
        row('long-category', { category: 'c'.repeat(10_000) }),
        row('long-text', { text: 't'.repeat(300_000) }),
        row('object', { status: { name: 'new' } }),
        row('ok-1', { category: 'other' }),
        row('ok-2'),
      ]),
    );
    const report = await ingestFile(db.sql, path, { timezone: TZ });
    expect(report.inserted).toBe(2);
    expect(report.rejected.map((r) => [r.line, r.reason])).toEqual([
      [2, expect.stringMatching(/^createdAt "9999-12-31" is not between 1990-01-01 and \d{4}-\d\d-\d\d/)],
      [3, expect.stringMatching(/^createdAt "1989-06-01" is not between 1990-01-01 and/)],
      [4, expect.stringMatching(/^resolvedAt "2205-06-01" is not between 1990-01-01 and/)],
      [5, 'lat (column "lat") is a boolean; send text or a number'],
      [6, 'coordinate lon (column "lon") is not a number: "0x13"'],
      [7, expect.stringMatching(/^createdAt "2024-06-01T10:00:00\+99:99" is not a date/)],
      [8, 'category (column "category") has 10000 characters; at most 100 are kept'],
      [9, 'text (column "text") has 300000 characters; at most 20000 are kept'],
      [10, 'status (column "status") is an object; send text or a number'],
      [11, 'duplicate id in this batch: the same as line 1'],
    ]);
    const [ok] = await db.sql<{ category: string }[]>`
      SELECT c.name AS category FROM messages m JOIN categories c ON c.id = m.category_id WHERE external_id = 'ok-1'`;
    expect(ok?.category).toBe('roads');
  });

  test('CSV: a hex coordinate and an oversized text are rejected by line', async () => {
    const path = tempFile(
      'bad.csv',
      `id,createdAt,category,lat,lon,text\ncsv-1,2024-06-01,roads,47.5,19.05,fine\ncsv-2,2024-06-01,roads,0x2F,19.05,\ncsv-3,2024-06-01,roads,47.5,19.05,${'x'.repeat(20_001)}\n`,
    );
    const report = await ingestFile(db.sql, path, { timezone: TZ });
    expect(report.inserted).toBe(1);
    expect(report.rejected).toEqual([
      { line: 3, reason: 'coordinate lat (column "lat") is not a number: "0x2F"' },
      { line: 4, reason: 'text (column "text") has 20001 characters; at most 20000 are kept' },
    ]);
  });

  test('a .gz that unpacks past the limit fails with a clear error and writes nothing', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => row(`bomb-${i}`, { text: 'z'.repeat(100) }));
    const path = tempFile('bomb.ndjson.gz', gzipSync(ndjson(rows)));
    const before = await count();
    const attempt = ingestFile(db.sql, path, { timezone: TZ, maxUnpackedBytes: 1024 * 1024 });
    await expect(attempt).rejects.toThrow(InputFileError);
    await expect(attempt).rejects.toThrow(/unpacks to more than 1 MB; .*--max-unpacked-mb/);
    expect(await count()).toBe(before);
    // Under the limit the same file goes in.
    const report = await ingestFile(db.sql, path, { timezone: TZ, maxUnpackedBytes: 8 * 1024 * 1024 });
    expect(report).toMatchObject({ inserted: 20_000, rejected: [] });
  });

  test('invalid UTF-8 inside a record fails the file with its position and writes nothing', async () => {
    const good = Buffer.from(ndjson([row('utf-1')]));
    const bad = Buffer.concat([
      good,
      Buffer.from('{"id":"utf-2","category":"bad'),
      Buffer.from([0xc3, 0x28]),
    ]);
    const path = tempFile(
      'bad-utf8.ndjson',
      Buffer.concat([bad, Buffer.from('","createdAt":"2024-06-01","lat":47.5,"lon":19.05}\n')]),
    );
    const before = await count();
    await expect(ingestFile(db.sql, path, { timezone: TZ })).rejects.toThrow(
      /is not valid UTF-8 \(near byte/,
    );
    expect(await count()).toBe(before);
  });
});

describe('a record too long to hold', () => {
  test.each([
    [
      'huge.ndjson',
      `${JSON.stringify(row('h1'))}\n${JSON.stringify(row('h2', { extra: 'x'.repeat(5 * 1024 * 1024) }))}\n`,
      /line 2 is longer than 4194304 characters/,
    ],
    [
      'huge.csv',
      `id,createdAt,category,lat,lon,extra\nh1,2024-06-01,roads,47.5,19.05,${'x'.repeat(5 * 1024 * 1024)}\n`,
      /malformed CSV \(Max Record Size: .* 4194304 at line 2\)/,
    ],
  ])(
    '%s fails the file with a clear error (the reader never holds more than 4 M characters)',
    async (name, content, message) => {
      const readAll = async (path: string) => {
        for await (const _ of readRecordFile(path).records) {
          // every record, as an import reads them
        }
      };
      await expect(readAll(tempFile(name, content))).rejects.toThrow(message);
    },
  );
});
