import { DEFAULT_ANSWER_LIMIT_MINUTES } from '@heatmap/geo';
import type { Sql } from '../../src/db/database';

/**
 * Rows where a pre-aggregate differs from the same GROUP BY over messages, in either direction
 * (a missing, extra or wrong row). Empty when every pre-aggregate is exact.
 */
export async function rollupMismatches(sql: Sql): Promise<unknown[]> {
  const minutes = (column: string) =>
    sql`coalesce(sum(floor(extract(epoch FROM ${sql(column)} - created_at) / 60)), 0)::bigint`;
  const metrics = sql`count(*)::int, count(answered_at)::int, ${minutes('answered_at')},
    count(resolved_at)::int, ${minutes('resolved_at')}`;
  const cellMonth = sql`
    SELECT c.res::smallint, date_trunc('month', local_day)::date, category_id, c.cell, ${metrics}
    FROM messages CROSS JOIN LATERAL (VALUES (5, h3_5), (6, h3_6), (7, h3_7), (8, h3_8)) AS c (res, cell)
    GROUP BY 1, 2, 3, 4`;
  const cellYear = sql`
    SELECT c.res::smallint, date_trunc('year', local_day)::date, category_id, c.cell, ${metrics}
    FROM messages CROSS JOIN LATERAL (VALUES (5, h3_5), (6, h3_6), (7, h3_7), (8, h3_8)) AS c (res, cell)
    GROUP BY 1, 2, 3, 4`;
  // District tables also count the answers within the answer limit (0016).
  const inTime = sql`count(*) FILTER (WHERE floor(extract(epoch FROM answered_at - created_at) / 60)
    <= ${DEFAULT_ANSWER_LIMIT_MINUTES})::int`;
  const districtMonth = sql`
    SELECT date_trunc('month', local_day)::date, coalesce(district_id, 0), category_id, ${metrics}, ${inTime}
    FROM messages GROUP BY 1, 2, 3`;
  const districtDay = sql`
    SELECT local_day, coalesce(district_id, 0), category_id, count(*)::int, count(answered_at)::int,
      count(resolved_at)::int, ${inTime}
    FROM messages GROUP BY 1, 2, 3`;
  const cellFacets = (grain: 'month' | 'year') => sql`
    SELECT c.res::smallint, date_trunc(${grain}, local_day)::date, status, source_id, category_id, c.cell, ${metrics}
    FROM messages CROSS JOIN LATERAL (VALUES (5, h3_5), (6, h3_6), (7, h3_7), (8, h3_8)) AS c (res, cell)
    GROUP BY 1, 2, 3, 4, 5, 6`;
  const districtFacets = sql`
    SELECT date_trunc('month', local_day)::date, coalesce(district_id, 0), status, source_id, category_id, ${metrics},
      ${inTime}
    FROM messages GROUP BY 1, 2, 3, 4, 5`;
  const dayCounts = sql`
    SELECT c.res::smallint, local_day, c.cell, count(*)::int
    FROM messages CROSS JOIN LATERAL (VALUES (7, h3_7), (8, h3_8)) AS c (res, cell)
    GROUP BY 1, 2, 3`;
  // Histograms of answer and resolution minutes (0014): the bucket of each time, counted per group.
  const times = sql`
    SELECT m.*, b.bucket, b.answers, b.resolves FROM messages m
    CROSS JOIN LATERAL (VALUES
      (minutes_bucket(floor(extract(epoch FROM answered_at - created_at) / 60)::int), 1, 0),
      (minutes_bucket(floor(extract(epoch FROM resolved_at - created_at) / 60)::int), 0, 1)
    ) AS b (bucket, answers, resolves)
    WHERE b.bucket IS NOT NULL`;
  const bucketCounts = sql`sum(answers)::int AS answers, sum(resolves)::int AS resolves`;
  const cellSketch = (grain: 'month' | 'year') =>
    [
      sql`SELECT res, ${sql(grain)}, cell, bucket, answers, resolves FROM ${sql(`cell_${grain}_sketch`)}`,
      sql`SELECT c.res::smallint, date_trunc(${grain}, local_day)::date, c.cell, bucket, ${bucketCounts}
        FROM (${times}) t CROSS JOIN LATERAL (VALUES (5, h3_5), (6, h3_6), (7, h3_7), (8, h3_8)) AS c (res, cell)
        GROUP BY 1, 2, 3, 4`,
    ] as const;
  // Rows of days by source or status (0019), category 0 counting every category: each message in its own
  // category's row and in the 0 row.
  const facetDays = (facet: 'source_id' | 'status' | 'district_id') => {
    const table = sql(`cell_month_days_by_${facet.replace('_id', '')}`);
    // Messages outside every district have no row by district (0022).
    const keys = sql`FROM messages CROSS JOIN LATERAL (VALUES (7, h3_7), (8, h3_8)) AS c (res, cell)
      CROSS JOIN LATERAL (VALUES (category_id), (0::smallint)) AS k (category_id)
      WHERE ${facet === 'district_id' ? sql`district_id IS NOT NULL` : sql`true`}`;
    return [
      [
        `${facet} days`,
        sql`SELECT res, ${sql(facet)}, category_id, (month + (i::int - 1))::date, cell, n
          FROM ${table}, unnest(days) WITH ORDINALITY AS u (n, i) WHERE n <> 0`,
        sql`SELECT c.res::smallint, ${sql(facet)}, k.category_id, local_day, c.cell, count(*)::int ${keys}
          GROUP BY 1, 2, 3, 4, 5`,
      ],
      [
        `${facet} rows`,
        sql`SELECT res, ${sql(facet)}, category_id, month, cell FROM ${table}`,
        sql`SELECT DISTINCT c.res::smallint, ${sql(facet)}, k.category_id, date_trunc('month', local_day)::date, c.cell
          ${keys}`,
      ],
    ] as const;
  };
  const facetSketch = (grain: 'month' | 'year') =>
    [
      sql`SELECT status, source_id, category_id, ${sql(grain)}, bucket, answers, resolves
        FROM ${sql(`${grain}_facet_sketch`)}`,
      sql`SELECT status, source_id, category_id, date_trunc(${grain}, local_day)::date, bucket, ${bucketCounts}
        FROM (${times}) t GROUP BY 1, 2, 3, 4, 5`,
    ] as const;
  const sketches = [
    ['cell_month_sketch', cellSketch('month')],
    ['cell_year_sketch', cellSketch('year')],
    [
      'cell_year_sketch_coarse',
      [
        sql`SELECT res, year, cell, coarse, answers, resolves FROM cell_year_sketch_coarse`,
        sql`SELECT c.res::smallint, date_trunc('year', local_day)::date, c.cell, bucket >> 4, ${bucketCounts}
          FROM (${times}) t CROSS JOIN LATERAL (VALUES (5, h3_5), (6, h3_6), (7, h3_7), (8, h3_8)) AS c (res, cell)
          GROUP BY 1, 2, 3, 4`,
      ],
    ],
    [
      'cell_month_days',
      [
        sql`SELECT res, (month + (i::int - 1))::date, cell, n FROM cell_month_days, unnest(days) WITH ORDINALITY AS u (n, i)
          WHERE n <> 0`,
        dayCounts,
      ],
    ],
    [
      'cell_month_days (rows)',
      [
        sql`SELECT res, month, cell FROM cell_month_days`,
        sql`SELECT DISTINCT c.res::smallint, date_trunc('month', local_day)::date, c.cell
          FROM messages CROSS JOIN LATERAL (VALUES (7, h3_7), (8, h3_8)) AS c (res, cell)`,
      ],
    ],
    [
      'day_sketch',
      [
        sql`SELECT day, bucket, answers, resolves FROM day_sketch`,
        sql`SELECT local_day, bucket, ${bucketCounts} FROM (${times}) t GROUP BY 1, 2`,
      ],
    ],
    [
      // Cumulative counts by bucket + 2 (0020): each bucket's count is its step from the one before.
      'cell_all_time_sketch',
      [
        sql`SELECT res, cell, bucket, answers, resolves FROM (
          SELECT res, cell, (i - 2)::smallint AS bucket,
                 a - coalesce(lag(a) OVER w, 0) AS answers, r - coalesce(lag(r) OVER w, 0) AS resolves
          FROM cell_all_time_sketch, unnest(answers, resolves) WITH ORDINALITY AS u (a, r, i)
          WINDOW w AS (PARTITION BY res, cell ORDER BY i)) s
          WHERE answers <> 0 OR resolves <> 0`,
        sql`SELECT 8::smallint, h3_8, bucket, ${bucketCounts} FROM (${times}) t GROUP BY 2, 3`,
      ],
    ],
    [
      'cell_all_time_sketch (rows)',
      [
        sql`SELECT res, cell FROM cell_all_time_sketch`,
        sql`SELECT DISTINCT 8::smallint, h3_8 FROM (${times}) t`,
      ],
    ],
    [
      'cell_year_district_rollup',
      [
        sql`SELECT * FROM cell_year_district_rollup`,
        sql`SELECT c.res::smallint, coalesce(district_id, 0), date_trunc('year', local_day)::date, category_id, c.cell,
            count(*)::int, count(answered_at)::int, count(resolved_at)::int
          FROM messages CROSS JOIN LATERAL (VALUES (5, h3_5), (6, h3_6), (7, h3_7), (8, h3_8)) AS c (res, cell)
          GROUP BY 1, 2, 3, 4, 5`,
      ],
    ],
    ['month_facet_sketch', facetSketch('month')],
    ['year_facet_sketch', facetSketch('year')],
    [
      'district_month_sketch',
      [
        sql`SELECT month, district_id, bucket, answers, resolves FROM district_month_sketch`,
        sql`SELECT date_trunc('month', local_day)::date, coalesce(district_id, 0), bucket, ${bucketCounts}
          FROM (${times}) t GROUP BY 1, 2, 3`,
      ],
    ],
  ] as const;
  const dayFacets = sql`
    SELECT c.res::smallint, status, source_id, category_id, local_day, c.cell, count(*)::int
    FROM messages CROSS JOIN LATERAL (VALUES (7, h3_7), (8, h3_8)) AS c (res, cell)
    GROUP BY 1, 2, 3, 4, 5, 6`;
  const tables = [
    ['cell_month_rollup', cellMonth],
    ['cell_year_rollup', cellYear],
    ['district_month_rollup', districtMonth],
    ['district_day_rollup', districtDay],
    ['cell_day_counts', dayCounts],
    ['cell_month_source_status_rollup', cellFacets('month')],
    ['cell_year_source_status_rollup', cellFacets('year')],
    ['district_month_source_status_rollup', districtFacets],
    ['cell_day_source_status_counts', dayFacets],
  ] as const;
  const out: unknown[] = [];
  for (const [table, raw] of tables) {
    const stored = sql`SELECT * FROM ${sql(table)}`;
    out.push(
      ...(await sql`(${stored} EXCEPT ${raw}) UNION ALL (${raw} EXCEPT ${stored})`).map((row) => ({
        table,
        ...row,
      })),
    );
  }
  const monthDays = [...facetDays('source_id'), ...facetDays('status'), ...facetDays('district_id')].map(
    ([name, stored, raw]) => [`cell_month_days_by ${name}`, [stored, raw]] as const,
  );
  for (const [table, [stored, raw]] of [...sketches, ...monthDays]) {
    out.push(
      ...(await sql`(${stored} EXCEPT ${raw}) UNION ALL (${raw} EXCEPT ${stored})`).map((row) => ({
        table,
        ...row,
      })),
    );
  }
  return out;
}
