/**
 * One import of the country data set in a process of its own, so peak RSS belongs to it alone.
 *   tsx scale-ingest.ts ingest <url> <count>     the real path: upsertGenerated (H3, districts, indexes, pre-aggregates)
 *   tsx scale-ingest.ts baseline <url> <count>   the same rows by plain COPY into a table with nothing attached
 * Prints one JSON line: { workload, messages, seconds, messagesPerSecond, peakRssMb }.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { type MessageInput, migrate, openDatabase, type Sql, upsertGenerated } from '@heatmap/api';
import { countryDistricts } from './country-districts';
import { countryMessages, SCALE_TIMEZONE } from './country-messages';
import { loadCountry } from './load-country';

const [workload, url, countArg] = process.argv.slice(2) as ['ingest' | 'baseline', string, string];
const count = Number(countArg);
const country = countryDistricts();
const db = await openDatabase({ url, max: 4 });
try {
  let messages: number;
  let seconds: number;
  if (workload === 'ingest') {
    await migrate(db.sql);
    await loadCountry(db.sql, country);
    const started = performance.now();
    let reported = 0;
    const totals = await upsertGenerated(db, countryMessages(country, count), SCALE_TIMEZONE, {
      onProgress: (rows) => {
        if (rows - reported < 1_000_000) return;
        reported = rows;
        const s = (performance.now() - started) / 1000;
        console.error(`  ${rows} rows in ${s.toFixed(0)} s: ${Math.round(rows / s)} msg/s`);
      },
    });
    seconds = (performance.now() - started) / 1000;
    messages = totals.inserted;
  } else {
    const started = performance.now();
    messages = await copyBare(db.sql, countryMessages(country, count));
    seconds = (performance.now() - started) / 1000;
  }
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const messagesPerSecond = Math.round(messages / seconds);
  process.stdout.write(`${JSON.stringify({ workload, messages, seconds, messagesPerSecond, peakRssMb })}\n`);
} finally {
  await db.close();
}

/**
 * The baseline: the generated rows' own fields (no H3 cells, no district, no hash) by COPY into a
 * table with no index, no key and no trigger, in one transaction; dropped afterwards.
 */
async function copyBare(sql: Sql, rows: Iterable<MessageInput>): Promise<number> {
  let n = 0;
  await sql.begin(async (tx) => {
    const t = tx as unknown as Sql;
    await t`CREATE TABLE bare_messages (source text, external_id text, category text, title text, body text,
      author text, executor text, status text, created_at timestamptz, answered_at timestamptz,
      resolved_at timestamptz, lat float8, lon float8)`;
    const stream = await t`COPY bare_messages FROM STDIN`.writable();
    const chunks = function* () {
      let chunk = '';
      for (const m of rows) {
        n++;
        chunk += `${[
          m.source,
          m.externalId,
          m.category,
          m.title,
          m.text,
          m.author,
          m.executor,
          m.status,
          m.createdAt.toISOString(),
          m.answeredAt?.toISOString() ?? null,
          m.resolvedAt?.toISOString() ?? null,
          m.lat,
          m.lon,
        ]
          .map(copyField)
          .join('\t')}\n`;
        if (chunk.length > 1 << 20) {
          yield chunk;
          chunk = '';
        }
      }
      if (chunk) yield chunk;
    };
    await pipeline(Readable.from(chunks()), stream);
  });
  await sql`DROP TABLE bare_messages`;
  return n;
}

/** COPY's text format: \N for NULL, backslash escapes for the characters that delimit. */
function copyField(v: string | number | null): string {
  if (v === null) return '\\N';
  return String(v).replace(
    /[\\\t\n\r]/g,
    (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] as string,
  );
}
