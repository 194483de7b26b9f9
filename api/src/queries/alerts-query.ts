import { ANOMALY_BASELINE_WEEKS, bigIntToCell, dailyAlerts, dailyAnomaly, localDate } from '@heatmap/geo';
import type { Sql } from '../db/database';
import type { Alert } from '../schemas/alerts';
import { messageConditions } from './filter-sql';
import type { MessageFilter } from './message-filter';
import { placeLabel, placesOf, staffAudience } from './places-query';
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
  const scoped = { districts: filter.districts, scope: filter.scope };
  const cellColumn = sql(`m.h3_${request.res}`);
  // Only the days a test reads (the day and the same weekday of each baseline week), each one index
  // range: at 5M messages the 57 days from the first baseline day to the day were 2.4 s, these 9 a share of it.
  const testDays = [
    day,
    ...Array.from({ length: ANOMALY_BASELINE_WEEKS }, (_, w) => addDays(day, -7 * (w + 1))),
  ];
  const perDay = testDays.map(
    (d) => sql`
      SELECT ${d}::text AS day, ${cellColumn}::text AS cell, m.category_id::int AS category, count(*)::int AS n
      FROM messages m
      WHERE ${messageConditions(sql, scoped, { from: localMidnight(d, timezone), to: localMidnight(addDays(d, 1), timezone) })}
      GROUP BY 2, 3`,
  );
  const rows = await sql<{ day: Day; cell: string; category: number; n: number }[]>`
    ${perDay.reduce((all, part) => sql`${all} UNION ALL ${part}`)}`;
  const byPair = countsByPair(rows);
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
  const recent = {
    from: localMidnight(addDays(day, 1 - ALERT_SERIES_DAYS), timezone),
    to: localMidnight(addDays(day, 1), timezone),
  };
  const places = await placesOf(sql, request.res, cells, staffAudience(scoped));
  // The sparklines: the last 14 days of the alerted pairs only, read by their cells.
  const series = countsByPair(
    await sql<{ day: Day; cell: string; category: number; n: number }[]>`
      SELECT m.local_day::text AS day, ${cellColumn}::text AS cell, m.category_id::int AS category,
             count(*)::int AS n
      FROM messages m
      WHERE ${messageConditions(sql, scoped, recent)} AND ${cellColumn} = ANY(${cells}::bigint[])
      GROUP BY 1, 2, 3`,
  );
  const names = new Map(
    (await sql<{ id: number; name: string }[]>`SELECT id::int, name FROM categories`).map((c) => [
      c.id,
      c.name,
    ]),
  );
  return alerts.map((alert) => {
    const [cell, category] = alert.key.split('|') as [string, string];
    const place = places.get(cell);
    return {
      h3: bigIntToCell(BigInt(cell)),
      categoryId: Number(category),
      category: names.get(Number(category)) ?? category,
      observed: alert.observed,
      expected: alert.expected,
      p: alert.p,
      series: Array.from(
        { length: ALERT_SERIES_DAYS },
        (_, i) => series.get(alert.key)?.get(addDays(day, i + 1 - ALERT_SERIES_DAYS)) ?? 0,
      ),
      district: place?.district ?? null,
      place: placeLabel(place),
    };
  });
}

/** Counts by (cell, category) key, then by local day. */
function countsByPair(rows: readonly { day: Day; cell: string; category: number; n: number }[]) {
  const byPair = new Map<string, Map<Day, number>>();
  for (const row of rows) {
    const key = `${row.cell}|${row.category}`;
    const days = byPair.get(key) ?? new Map<Day, number>();
    byPair.set(key, days);
    days.set(row.day, row.n);
  }
  return byPair;
}

async function newestDay(sql: Sql, timezone: string, filter: MessageFilter): Promise<Day | null> {
  const [row] = await sql<{ newest: Date | string | null }[]>`
    SELECT max(m.created_at) AS newest FROM messages m
    WHERE ${messageConditions(sql, { districts: filter.districts, scope: filter.scope })}`;
  return row?.newest ? localDate(new Date(row.newest), timezone) : null;
}
