-- Issue 14: the day timeline of one district (a municipal account's own time slider, or a district filter)
-- counted its messages each time: the cell pre-aggregates of days (0003, 0014, 0017, 0019) hold every
-- district's messages of a border cell, so a district's share of a cell is not in them. Over 2025 at 5M the
-- busiest district is 277,000 messages read by messages_district_idx (an index-only scan: 287 ms of 350 ms, load
-- about 3).
--
-- Here rows of 31 days by month, as 0019's by source and by status, keyed by district: (res, district_id,
-- category_id, month, cell), category 0 every category. That district's 2025 at res 8 is 648 rows. Rows of
-- single days were tried first: 73,516 rows for the same year, spread over 29,681 heap pages (a day's rows of
-- every district land together), 1.2 s. Messages outside every district are never asked for by district and
-- are left out. No status or source: a district with one of those still reads messages.
--
-- Ingest: up to 4 rows a message at commit (its category and 0 x res 7 and 8), fewer where a transaction's
-- messages share a district, cell and month.
CREATE TABLE cell_month_days_by_district (
  res smallint NOT NULL,
  district_id integer NOT NULL,
  category_id smallint NOT NULL,
  month date NOT NULL,
  cell bigint NOT NULL,
  days integer[] NOT NULL,
  PRIMARY KEY (res, district_id, category_id, month, cell)
) WITH (fillfactor = 75);

INSERT INTO cell_month_days_by_district (res, district_id, category_id, month, cell, days)
SELECT res, district_id, category_id, date_trunc('month', day)::date, cell,
       month_days(array_agg(extract(day FROM day)::int), array_agg(n))
FROM (
  SELECT c.res, m.district_id, CASE WHEN GROUPING(m.category_id) = 0 THEN m.category_id ELSE 0 END AS category_id,
         m.local_day AS day, c.cell, count(*)::int AS n
  FROM messages m
  CROSS JOIN LATERAL (VALUES (7, m.h3_7), (8, m.h3_8)) AS c (res, cell)
  WHERE m.district_id IS NOT NULL
  GROUP BY GROUPING SETS ((c.res, m.district_id, m.category_id, m.local_day, c.cell),
                          (c.res, m.district_id, m.local_day, c.cell))
) d
GROUP BY 1, 2, 3, 4, 5;

-- The queued changes (0012) as 0019 adds them to its tables (its 31 plain sums and element-wise additions).
CREATE FUNCTION flush_month_days_by_district(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- ORDER BY the whole key: concurrent writers lock rows in one order (0012).
  EXECUTE format($q$
    INSERT INTO cell_month_days_by_district AS r (res, district_id, category_id, month, cell, days)
    SELECT * FROM (
      SELECT CASE WHEN GROUPING(q.h3_7) = 0 THEN 7 ELSE 8 END AS res, q.district_id,
             CASE WHEN GROUPING(q.category_id) = 0 THEN q.category_id ELSE 0 END AS category_id,
             q.month, coalesce(q.h3_7, q.h3_8) AS cell, %1$s AS days
      FROM (SELECT f.*, date_trunc('month', f.local_day)::date AS month, extract(day FROM f.local_day)::int AS dom
            FROM pg_temp.pending_message_deltas f WHERE f.district_id IS NOT NULL) q
      GROUP BY GROUPING SETS ((q.district_id, q.category_id, q.month, q.h3_7), (q.district_id, q.category_id, q.month, q.h3_8),
                              (q.district_id, q.month, q.h3_7), (q.district_id, q.month, q.h3_8))
    ) g
    WHERE days <> array_fill(0, ARRAY[31])
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (res, district_id, category_id, month, cell) DO UPDATE SET days = %2$s$q$,
    month_days_sums_sql(), month_days_added_sql());
  IF removals THEN
    EXECUTE $q$
      DELETE FROM cell_month_days_by_district r
      USING (
        SELECT DISTINCT c.res, f.district_id, k.category_id, date_trunc('month', f.local_day)::date AS month, c.cell
        FROM pg_temp.pending_message_deltas f
        CROSS JOIN LATERAL (VALUES (7, f.h3_7), (8, f.h3_8)) AS c (res, cell)
        CROSS JOIN LATERAL (VALUES (f.category_id), (0::smallint)) AS k (category_id)
        WHERE f.s < 0 AND f.district_id IS NOT NULL
      ) g
      WHERE 0 = ALL(r.days)
        AND (r.res, r.district_id, r.category_id, r.month, r.cell) = (g.res, g.district_id, g.category_id, g.month, g.cell)$q$;
  END IF;
END;
$$;

INSERT INTO pre_aggregate_flushes (position, name) VALUES (2, 'flush_month_days_by_district');
