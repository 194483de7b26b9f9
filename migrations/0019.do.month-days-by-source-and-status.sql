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

-- The queued changes (0012) into both tables, as 0017 adds them to cell_month_days.
CREATE FUNCTION flush_month_days_by_facet(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  facet text;
BEGIN
  FOREACH facet IN ARRAY ARRAY['source_id', 'status'] LOOP
    -- ORDER BY the whole key: concurrent writers lock rows in one order (0012).
    EXECUTE format($q$
      INSERT INTO %2$s AS r (res, %1$s, category_id, month, cell, days)
      SELECT res, %1$s, category_id, month, cell, month_days(array_agg(dom), array_agg(n))
      FROM (
        SELECT CASE WHEN GROUPING(h3_7) = 0 THEN 7 ELSE 8 END AS res, %1$s,
               CASE WHEN GROUPING(category_id) = 0 THEN category_id ELSE 0 END AS category_id,
               date_trunc('month', local_day)::date AS month, coalesce(h3_7, h3_8) AS cell,
               extract(day FROM local_day)::int AS dom, sum(s)::int AS n
        FROM pg_temp.pending_message_deltas
        GROUP BY GROUPING SETS ((%1$s, category_id, local_day, h3_7), (%1$s, category_id, local_day, h3_8),
                                (%1$s, local_day, h3_7), (%1$s, local_day, h3_8))
        HAVING sum(s) <> 0
      ) d
      GROUP BY 1, 2, 3, 4, 5
      ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (res, %1$s, category_id, month, cell) DO UPDATE
      SET days = ARRAY(SELECT a + b FROM unnest(r.days, excluded.days) WITH ORDINALITY AS u (a, b, i) ORDER BY i)$q$,
      facet, 'cell_month_days_by_' || CASE facet WHEN 'source_id' THEN 'source' ELSE 'status' END);
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

-- 0017's flush of cell_month_days, unchanged, which now also flushes the two tables above.
CREATE OR REPLACE FUNCTION flush_month_days(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- One row per (res, month, cell) per statement, its days added element by element: a statement a day
  -- would lock a month's rows day by day, and two writers could then wait on each other.
  EXECUTE $q$
  INSERT INTO cell_month_days AS r (res, month, cell, days)
  SELECT res, month, cell, month_days(array_agg(dom), array_agg(n))
  FROM (
    SELECT CASE WHEN GROUPING(h3_7) = 0 THEN 7 ELSE 8 END AS res, date_trunc('month', local_day)::date AS month,
           coalesce(h3_7, h3_8) AS cell, extract(day FROM local_day)::int AS dom, sum(s)::int AS n
    FROM pg_temp.pending_message_deltas
    GROUP BY GROUPING SETS ((local_day, h3_7), (local_day, h3_8))
    HAVING sum(s) <> 0
  ) d
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (res, month, cell) DO UPDATE
  SET days = ARRAY(SELECT a + b FROM unnest(r.days, excluded.days) WITH ORDINALITY AS u (a, b, i) ORDER BY i)$q$;
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
