-- Issue 14: /summary's answered-in-time share and the viewport reads of the cell pre-aggregates from
-- the pre-aggregates instead of every message of the window.
--
-- 1. answered_in_time: answers within the answer limit (1,440 minutes, DEFAULT_ANSWER_LIMIT_MINUTES) per
--    district month, with and without status and source, kept by the flush like the other sums. The share's
--    denominator needs no column: every message is due but the unanswered ones younger than the limit, a
--    short range of messages_created_idx. /summary over 2025-03-15..08-20 at 5M read 1M messages twice
--    (~450 ms each) for it. A different limit needs a new migration that recomputes the column.
ALTER TABLE district_month_rollup ADD COLUMN answered_in_time integer NOT NULL DEFAULT 0;
ALTER TABLE district_month_source_status_rollup ADD COLUMN answered_in_time integer NOT NULL DEFAULT 0;

UPDATE district_month_rollup r SET answered_in_time = t.n
FROM (
  SELECT date_trunc('month', local_day)::date AS month, coalesce(district_id, 0) AS district_id, category_id,
         count(*)::int AS n
  FROM messages
  WHERE floor(date_part('epoch', answered_at - created_at) / 60)::int <= 1440
  GROUP BY 1, 2, 3
) t
WHERE (r.month, r.district_id, r.category_id) = (t.month, t.district_id, t.category_id);

UPDATE district_month_source_status_rollup r SET answered_in_time = t.n
FROM (
  SELECT date_trunc('month', local_day)::date AS month, coalesce(district_id, 0) AS district_id, status,
         source_id, category_id, count(*)::int AS n
  FROM messages
  WHERE floor(date_part('epoch', answered_at - created_at) / 60)::int <= 1440
  GROUP BY 1, 2, 3, 4, 5
) t
WHERE (r.month, r.district_id, r.status, r.source_id, r.category_id)
    = (t.month, t.district_id, t.status, t.source_id, t.category_id);

-- 2. The cells of a viewport (cell = ANY(...)) in the cell pre-aggregates: their keys put the cell last and
--    PostgreSQL 15 has no skip scan, so a bbox read every row of the resolution (docs/scale.md: a city's 399
--    cells out of a country's at 5M, p95 449 -> 111 ms with this index on cell_year_rollup). Updates of
--    existing rows stay HOT (neither column changes); a new row adds one entry.
CREATE INDEX cell_year_rollup_cell_idx ON cell_year_rollup (res, cell);
CREATE INDEX cell_month_rollup_cell_idx ON cell_month_rollup (res, cell);

-- 0014's flush, which now also counts the answers in time per district month.
CREATE OR REPLACE FUNCTION flush_message_changes() RETURNS trigger LANGUAGE plpgsql SET work_mem = '64MB' AS $$
DECLARE
  sums constant text := $m$
    sum(s)::int,
    coalesce(sum(s) FILTER (WHERE answer_minutes IS NOT NULL), 0)::int,
    coalesce(sum(s * answer_minutes), 0)::bigint,
    coalesce(sum(s) FILTER (WHERE resolve_minutes IS NOT NULL), 0)::int,
    coalesce(sum(s * resolve_minutes), 0)::bigint$m$;
  add_metrics constant text := $m$
    n = r.n + excluded.n,
    answered = r.answered + excluded.answered,
    answer_minutes_sum = r.answer_minutes_sum + excluded.answer_minutes_sum,
    resolved = r.resolved + excluded.resolved,
    resolve_minutes_sum = r.resolve_minutes_sum + excluded.resolve_minutes_sum$m$;
  -- Groups whose changes cancel out (a message moved away and back) are left alone.
  nonzero constant text := $m$
    HAVING sum(s) <> 0
      OR coalesce(sum(s) FILTER (WHERE answer_minutes IS NOT NULL), 0) <> 0
      OR coalesce(sum(s * answer_minutes), 0) <> 0
      OR coalesce(sum(s) FILTER (WHERE resolve_minutes IS NOT NULL), 0) <> 0
      OR coalesce(sum(s * resolve_minutes), 0) <> 0$m$;
  -- The district tables also count the answers within the answer limit (one working day, 1,440 minutes:
  -- DEFAULT_ANSWER_LIMIT_MINUTES in geo), for /summary's answered-in-time share.
  in_time constant text := 'coalesce(sum(s) FILTER (WHERE answer_minutes <= 1440), 0)';
  district_sums constant text := sums || ', ' || in_time || '::int';
  district_add constant text := add_metrics || ', answered_in_time = r.answered_in_time + excluded.answered_in_time';
  district_nonzero constant text := nonzero || ' OR ' || in_time || ' <> 0';
  cells constant text := '(VALUES (5, f.h3_5), (6, f.h3_6), (7, f.h3_7), (8, f.h3_8)) AS c (res, cell)';
  facets constant text[] := ARRAY['', 'status, source_id, '];
  facet text;
  tables text;
  cell_order text;
  district_order text;
  removals boolean;
  grain text;
BEGIN
  EXECUTE 'SELECT EXISTS (SELECT FROM pg_temp.pending_message_deltas WHERE s < 0)' INTO removals;
  FOREACH facet IN ARRAY facets LOOP
    tables := CASE facet WHEN '' THEN 'rollup' ELSE 'source_status_rollup' END;
    -- ORDER BY the whole key: concurrent writers lock rollup rows in one order, so they cannot deadlock.
    cell_order := CASE facet WHEN '' THEN '1, 2, 3, 4' ELSE '1, 2, 3, 4, 5, 6' END;
    district_order := CASE facet WHEN '' THEN '1, 2, 3' ELSE '1, 2, 3, 4, 5' END;
    FOREACH grain IN ARRAY ARRAY['month', 'year'] LOOP
      EXECUTE format($q$
        INSERT INTO cell_%1$s_%5$s AS r
          (res, %1$s, %6$s category_id, cell, n, answered, answer_minutes_sum, resolved, resolve_minutes_sum)
        SELECT CASE WHEN GROUPING(h3_5) = 0 THEN 5 WHEN GROUPING(h3_6) = 0 THEN 6
                    WHEN GROUPING(h3_7) = 0 THEN 7 ELSE 8 END,
               t, %6$s category_id, coalesce(h3_5, h3_6, h3_7, h3_8), %2$s
        FROM (SELECT date_trunc(%1$L, local_day)::date AS t, * FROM pg_temp.pending_message_deltas) q
        GROUP BY GROUPING SETS ((t, %6$s category_id, h3_5), (t, %6$s category_id, h3_6),
                                (t, %6$s category_id, h3_7), (t, %6$s category_id, h3_8))
        %4$s
        ORDER BY %7$s
        ON CONFLICT (res, %1$s, %6$s category_id, cell) DO UPDATE SET %3$s$q$,
        grain, sums, add_metrics, nonzero, tables, facet, cell_order);
    END LOOP;
    EXECUTE format($q$
      INSERT INTO district_month_%4$s AS r
        (month, district_id, %5$s category_id, n, answered, answer_minutes_sum, resolved, resolve_minutes_sum,
         answered_in_time)
      SELECT date_trunc('month', local_day)::date, coalesce(district_id, 0), %5$s category_id, %1$s
      FROM pg_temp.pending_message_deltas
      GROUP BY date_trunc('month', local_day)::date, coalesce(district_id, 0), %5$s category_id
      %2$s
      ORDER BY %6$s
      ON CONFLICT (month, district_id, %5$s category_id) DO UPDATE SET %3$s$q$,
      district_sums, district_nonzero, district_add, tables, facet, district_order);
    IF removals THEN
      -- Separate statements: the INSERTs' new values are not visible to a later part of the same one.
      -- n = 0 leaves every other sum at 0 too (each counts a subset of the messages).
      FOREACH grain IN ARRAY ARRAY['month', 'year'] LOOP
        EXECUTE format($q$
          DELETE FROM cell_%1$s_%3$s r
          USING (
            SELECT DISTINCT c.res, date_trunc(%1$L, f.local_day)::date AS t, %4$s f.category_id, c.cell
            FROM pg_temp.pending_message_deltas f CROSS JOIN LATERAL %2$s
            WHERE f.s < 0
          ) g
          WHERE r.n = 0 AND (r.res, r.%1$s, %5$s r.category_id, r.cell) = (g.res, g.t, %6$s g.category_id, g.cell)$q$,
          grain, cells, tables, qualify_columns(facet, 'f'), qualify_columns(facet, 'r'), qualify_columns(facet, 'g'));
      END LOOP;
      EXECUTE format($q$
        DELETE FROM district_month_%1$s r
        USING (
          SELECT DISTINCT date_trunc('month', local_day)::date AS month, coalesce(district_id, 0) AS district_id,
                 %2$s category_id
          FROM pg_temp.pending_message_deltas
          WHERE s < 0
        ) g
        WHERE r.n = 0
          AND (r.month, r.district_id, %3$s r.category_id) = (g.month, g.district_id, %4$s g.category_id)$q$,
        tables, facet, qualify_columns(facet, 'r'), qualify_columns(facet, 'g'));
    END IF;
  END LOOP;
  EXECUTE $q$
    INSERT INTO cell_day_counts AS r (res, day, cell, n)
    SELECT CASE WHEN GROUPING(h3_7) = 0 THEN 7 ELSE 8 END, local_day, coalesce(h3_7, h3_8), sum(s)::int
    FROM pg_temp.pending_message_deltas
    GROUP BY GROUPING SETS ((local_day, h3_7), (local_day, h3_8))
    HAVING sum(s) <> 0
    ORDER BY 1, 3, 2
    ON CONFLICT (res, day, cell) DO UPDATE SET n = r.n + excluded.n$q$;
  IF removals THEN
    EXECUTE $q$
      DELETE FROM cell_day_counts r
      USING (
        SELECT DISTINCT c.res, f.local_day, c.cell
        FROM pg_temp.pending_message_deltas f
        CROSS JOIN LATERAL (VALUES (7, f.h3_7), (8, f.h3_8)) AS c (res, cell)
        WHERE f.s < 0
      ) g
      WHERE r.n = 0 AND (r.res, r.day, r.cell) = (g.res, g.local_day, g.cell)$q$;
  END IF;
  PERFORM flush_message_sketches(removals);
  PERFORM flush_day_source_status_counts(removals);
  -- Caches and ETags key on data_version (0001): one bump per transaction that changed messages.
  UPDATE app_settings SET value = (value::bigint + 1)::text WHERE key = 'data_version';
  -- Emptied here, not only at commit: SET CONSTRAINTS .. IMMEDIATE can flush mid-transaction.
  TRUNCATE pg_temp.pending_message_deltas;
  DELETE FROM pg_temp.pending_delta_flush;
  RETURN NULL;
END;
$$;
