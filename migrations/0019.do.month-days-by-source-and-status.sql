-- Day and week buckets of /timeline with a source or a status filter (issue 14) from rows of days by month.
--
-- Those buckets summed cell_day_source_status_counts (0014), keyed by (status, source, day, category, cell): a
-- row holds 1.4 messages at res 8, so one source over 2025 at 5M was 685,801 rows (p95 599 ms), and "resolved
-- and one category" at res 7 read every category's rows of the status (p95 380 ms). Rows of 31 days by month,
-- as cell_month_days (0017), keyed by exactly what a filter names, read ~10,000 rows for the same year:
--
--   cell_month_days_by_source (res, source_id, category_id, month, cell): a source, a source and a category;
--   cell_month_days_by_status (res, status, category_id, month, cell): a status ("unanswered" is two), a
--     status and a category.
--
-- category_id 0 is every category: a message counts in its category's row and in the 0 row, so a read without
-- a category reads one row per cell and month, not one per category (vk over 2025 at res 8: 10,060 rows, where
-- a category key alone would make it 200,788). Keyed by source and status together, a source alone would sum 5
-- statuses' rows (38,107); so source and status are separate tables, and a filter with both (and a category
-- alone) keeps reading cell_day_source_status_counts.
--
-- Ingest: each message adds up to 8 rows at commit (2 tables x its category and 0 x res 7 and 8), fewer where a
-- transaction's messages share a cell and month (counted in docs/scale.md). A status change moves counts only in
-- cell_month_days_by_status: in the source table its -1 and +1 cancel and nothing is written.
CREATE TABLE cell_month_days_by_source (
  res smallint NOT NULL,
  source_id smallint NOT NULL,
  category_id smallint NOT NULL,
  month date NOT NULL,
  cell bigint NOT NULL,
  days integer[] NOT NULL,
  PRIMARY KEY (res, source_id, category_id, month, cell)
) WITH (fillfactor = 75);

CREATE TABLE cell_month_days_by_status (
  res smallint NOT NULL,
  status message_status NOT NULL,
  category_id smallint NOT NULL,
  month date NOT NULL,
  cell bigint NOT NULL,
  days integer[] NOT NULL,
  PRIMARY KEY (res, status, category_id, month, cell)
) WITH (fillfactor = 75);

-- From the day counts by status and source (exact at every commit, res 7 and 8 already), not from messages.
INSERT INTO cell_month_days_by_source (res, source_id, category_id, month, cell, days)
SELECT res, source_id, category_id, month, cell, month_days(array_agg(dom), array_agg(n))
FROM (
  SELECT res, source_id, CASE WHEN GROUPING(category_id) = 0 THEN category_id ELSE 0 END AS category_id,
         date_trunc('month', day)::date AS month, cell, extract(day FROM day)::int AS dom, sum(n)::int AS n
  FROM cell_day_source_status_counts
  GROUP BY GROUPING SETS ((res, source_id, category_id, day, cell), (res, source_id, day, cell))
  HAVING sum(n) <> 0
) d
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO cell_month_days_by_status (res, status, category_id, month, cell, days)
SELECT res, status, category_id, month, cell, month_days(array_agg(dom), array_agg(n))
FROM (
  SELECT res, status, CASE WHEN GROUPING(category_id) = 0 THEN category_id ELSE 0 END AS category_id,
         date_trunc('month', day)::date AS month, cell, extract(day FROM day)::int AS dom, sum(n)::int AS n
  FROM cell_day_source_status_counts
  GROUP BY GROUPING SETS ((res, status, category_id, day, cell), (res, status, day, cell))
  HAVING sum(n) <> 0
) d
GROUP BY 1, 2, 3, 4, 5;

-- A month's 31 day sums of the queued changes `q` (with its day of month as `dom`), and a stored row plus an
-- incoming one, day by day: as 31 plain expressions. 0017's month_days() and its array subquery cost a function
-- call and a sort per row (50,000 queued messages at 5M: 6.4 s for cell_month_days_by_source; 3.1 s with these).
CREATE FUNCTION month_days_sums_sql() RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'ARRAY[' || string_agg(format('coalesce(sum(q.s) FILTER (WHERE q.dom = %s), 0)::int', d), ', ' ORDER BY d) || ']'
  FROM generate_series(1, 31) AS d
$$;

CREATE FUNCTION month_days_added_sql() RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT 'ARRAY[' || string_agg(format('r.days[%1$s] + excluded.days[%1$s]', d), ', ' ORDER BY d) || ']'
  FROM generate_series(1, 31) AS d
$$;

-- The queued changes (0012) into both tables, as 0017 adds them to cell_month_days. A group whose changes
-- cancel (a status change, in the source table) has 31 zero sums and is not written.
CREATE FUNCTION flush_month_days_by_facet(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  facet text;
BEGIN
  FOREACH facet IN ARRAY ARRAY['source_id', 'status'] LOOP
    -- ORDER BY the whole key: concurrent writers lock rows in one order (0012).
    EXECUTE format($q$
      INSERT INTO %2$s AS r (res, %1$s, category_id, month, cell, days)
      SELECT * FROM (
        SELECT CASE WHEN GROUPING(q.h3_7) = 0 THEN 7 ELSE 8 END AS res, q.%1$s,
               CASE WHEN GROUPING(q.category_id) = 0 THEN q.category_id ELSE 0 END AS category_id,
               q.month, coalesce(q.h3_7, q.h3_8) AS cell, %3$s AS days
        FROM (SELECT f.*, date_trunc('month', f.local_day)::date AS month, extract(day FROM f.local_day)::int AS dom
              FROM pg_temp.pending_message_deltas f) q
        GROUP BY GROUPING SETS ((q.%1$s, q.category_id, q.month, q.h3_7), (q.%1$s, q.category_id, q.month, q.h3_8),
                                (q.%1$s, q.month, q.h3_7), (q.%1$s, q.month, q.h3_8))
      ) g
      WHERE days <> array_fill(0, ARRAY[31])
      ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (res, %1$s, category_id, month, cell) DO UPDATE SET days = %4$s$q$,
      facet, 'cell_month_days_by_' || CASE facet WHEN 'source_id' THEN 'source' ELSE 'status' END,
      month_days_sums_sql(), month_days_added_sql());
    IF removals THEN
      EXECUTE format($q$
        DELETE FROM %2$s r
        USING (
          SELECT DISTINCT c.res, f.%1$s, k.category_id, date_trunc('month', f.local_day)::date AS month, c.cell
          FROM pg_temp.pending_message_deltas f
          CROSS JOIN LATERAL (VALUES (7, f.h3_7), (8, f.h3_8)) AS c (res, cell)
          CROSS JOIN LATERAL (VALUES (f.category_id), (0::smallint)) AS k (category_id)
          WHERE f.s < 0
        ) g
        WHERE 0 = ALL(r.days)
          AND (r.res, r.%1$s, r.category_id, r.month, r.cell) = (g.res, g.%1$s, g.category_id, g.month, g.cell)$q$,
        facet, 'cell_month_days_by_' || CASE facet WHEN 'source_id' THEN 'source' ELSE 'status' END);
    END IF;
  END LOOP;
END;
$$;

-- 0017's flush of cell_month_days with the same plain expressions, which now also flushes the two tables above.
CREATE OR REPLACE FUNCTION flush_month_days(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- One row per (res, month, cell) per statement, its days added element by element: a statement a day
  -- would lock a month's rows day by day, and two writers could then wait on each other.
  EXECUTE format($q$
  INSERT INTO cell_month_days AS r (res, month, cell, days)
  SELECT * FROM (
    SELECT CASE WHEN GROUPING(q.h3_7) = 0 THEN 7 ELSE 8 END AS res, q.month, coalesce(q.h3_7, q.h3_8) AS cell,
           %1$s AS days
    FROM (SELECT f.*, date_trunc('month', f.local_day)::date AS month, extract(day FROM f.local_day)::int AS dom
          FROM pg_temp.pending_message_deltas f) q
    GROUP BY GROUPING SETS ((q.month, q.h3_7), (q.month, q.h3_8))
  ) g
  WHERE days <> array_fill(0, ARRAY[31])
  ORDER BY 1, 2, 3
  ON CONFLICT (res, month, cell) DO UPDATE SET days = %2$s$q$,
  month_days_sums_sql(), month_days_added_sql());
  IF removals THEN
    EXECUTE $q$
    DELETE FROM cell_month_days r
    USING (
      SELECT DISTINCT c.res, date_trunc('month', f.local_day)::date AS month, c.cell
      FROM pg_temp.pending_message_deltas f
      CROSS JOIN LATERAL (VALUES (7, f.h3_7), (8, f.h3_8)) AS c (res, cell)
      WHERE f.s < 0
    ) g
    WHERE 0 = ALL(r.days) AND (r.res, r.month, r.cell) = (g.res, g.month, g.cell)$q$;
  END IF;
  PERFORM flush_month_days_by_facet(removals);
END;
$$;
