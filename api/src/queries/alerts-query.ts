import {
  ANOMALY_BASELINE_WEEKS,
  bigIntToCell,
  dailyAlerts,
  dailyAnomaly,
  localDate,
  streetOfAddress,
} from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Alert } from '../schemas/alerts';
import { messageConditions } from './filter-sql';
import type { MessageFilter } from './message-filter';
import { addDays, type Day, localMidnight } from './step-windows';

/** Days in an alert's sparkline, the alert day last. */
export const ALERT_SERIES_DAYS = 14;

/**
 * The day's spikes (docs/hotspots.md §3): per cell at `res` and category, the day's count against the same
 * weekday of the previous 8 weeks (dailyAnomaly), alerts by dailyAlerts (BH at q = 0.01 over the day's tests,
 * observed ≥ 5). The day's tests are the (cell, category) pairs with at least one message that day: a pair
 * with none has p = 1 and cannot alert. Strongest first (smallest p).
 */
export async function queryAlerts(
  sql: Sql,
  timezone: string,
  filter: MessageFilter,
  request: { res: 7 | 8; day?: Day },
): Promise<Alert[]> {
  const day = request.day ?? (await newestDay(sql, timezone, filter));
  if (day === null) return [];
  const first = addDays(day, -7 * ANOMALY_BASELINE_WEEKS);
  const window = { from: localMidnight(first, timezone), to: localMidnight(addDays(day, 1), timezone) };
  const scoped = { districts: filter.districts, scope: filter.scope };
  const rows = await sql<{ day: Day; cell: string; category: number; n: number }[]>`
    SELECT m.local_day::text AS day, ${sql(`m.h3_${request.res}`)}::text AS cell, m.category_id::int AS category,
           count(*)::int AS n
    FROM messages m WHERE ${messageConditions(sql, scoped, window)}
    GROUP BY 1, 2, 3`;
  const byPair = new Map<string, Map<Day, number>>();
  for (const row of rows) {
    const key = `${row.cell}|${row.category}`;
    const days = byPair.get(key) ?? new Map<Day, number>();
    byPair.set(key, days);
    days.set(row.day, row.n);
  }
  const tests = [...byPair]
    .filter(([, days]) => (days.get(day) ?? 0) > 0)
    .map(([key, days]) => {
      const baseline = Array.from(
        { length: ANOMALY_BASELINE_WEEKS },
        (_, w) => days.get(addDays(day, -7 * (w + 1))) ?? 0,
      );
      return { key, days, ...dailyAnomaly(days.get(day) as number, baseline) };
    });
  const raised = dailyAlerts(tests);
  const alerts = tests.filter((_, i) => raised[i]).sort((a, b) => a.p - b.p || (a.key < b.key ? -1 : 1));
  if (alerts.length === 0) return [];
  const cells = [...new Set(alerts.map((a) => a.key.split('|')[0] as string))];
  const places = await placesOf(sql, filter, request.res, cells, {
    from: localMidnight(addDays(day, 1 - ALERT_SERIES_DAYS), timezone),
    to: window.to,
  });
  const names = new Map(
    (await sql<{ id: number; name: string }[]>`SELECT id::int, name FROM categories`).map((c) => [
      c.id,
      c.name,
    ]),
  );
  return alerts.map((alert) => {
    const [cell, category] = alert.key.split('|') as [string, string];
    const place = places.get(cell) ?? { district: null, street: null };
    return {
      h3: bigIntToCell(BigInt(cell)),
      categoryId: Number(category),
      category: names.get(Number(category)) ?? category,
      observed: alert.observed,
      expected: alert.expected,
      p: alert.p,
      series: Array.from(
        { length: ALERT_SERIES_DAYS },
        (_, i) => alert.days.get(addDays(day, i + 1 - ALERT_SERIES_DAYS)) ?? 0,
      ),
      district: place.district,
      place: [place.district, place.street].filter((part) => part !== null).join(', ') || null,
    };
  });
}

/** The most frequent district and street (streetOfAddress) among each cell's messages in the window. */
async function placesOf(
  sql: Sql,
  filter: MessageFilter,
  res: 7 | 8,
  cells: string[],
  window: { from: Date; to: Date },
): Promise<Map<string, { district: string | null; street: string | null }>> {
  const rows = await sql<{ cell: string; district: string | null; address: string | null }[]>`
    SELECT ${sql(`m.h3_${res}`)}::text AS cell, d.name AS district, m.address
    FROM messages m LEFT JOIN districts d ON d.id = m.district_id
    WHERE ${messageConditions(sql, { districts: filter.districts, scope: filter.scope }, window)}
      AND ${sql(`m.h3_${res}`)} = ANY(${cells}::int8[])`;
  const tallies = new Map<string, { districts: Map<string, number>; streets: Map<string, number> }>();
  for (const row of rows) {
    const tally = tallies.get(row.cell) ?? {
      districts: new Map<string, number>(),
      streets: new Map<string, number>(),
    };
    tallies.set(row.cell, tally);
    if (row.district) tally.districts.set(row.district, (tally.districts.get(row.district) ?? 0) + 1);
    const street = streetOfAddress(row.address);
    if (street) tally.streets.set(street, (tally.streets.get(street) ?? 0) + 1);
  }
  return new Map(
    [...tallies].map(([cell, tally]) => [
      cell,
      { district: mostFrequent(tally.districts), street: mostFrequent(tally.streets) },
    ]),
  );
}

/** The most frequent key; ties go to the first in alphabetical order, so the answer does not depend on row order. */
function mostFrequent(counts: Map<string, number>): string | null {
  let best: string | null = null;
  let most = 0;
  for (const [key, n] of counts) {
    if (n > most || (n === most && best !== null && key < best)) {
      best = key;
      most = n;
    }
  }
  return best;
}

async function newestDay(sql: Sql, timezone: string, filter: MessageFilter): Promise<Day | null> {
  const [row] = await sql<{ newest: Date | string | null }[]>`
    SELECT max(m.created_at) AS newest FROM messages m
    WHERE ${messageConditions(sql, { districts: filter.districts, scope: filter.scope })}`;
  return row?.newest ? localDate(new Date(row.newest), timezone) : null;
}
