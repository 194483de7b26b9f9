-- Issue 14: a window whose ends are not month starts (the slider's usual window, 2025-03-15..08-20) read
-- its partial months from messages, each time it was asked: /summary over such a window at 5M sent ~100,000
-- messages an edge through five reads (counts, top categories, top cells, medians, answers in time) for the
-- window and its previous period: p95 902 ms. Here the same sums per local day, so whole days of a partial
-- month come from a pre-aggregate as whole months do; only a part of a day (an instant that is not a local
-- midnight) still reads messages.
--
-- 1. district_day_rollup: messages per local day, district and category with the sums /summary, /districts
--    and the category groupings add up (n, answered, resolved, answered_in_time: 0016's limit of 1,440
--    minutes). No status or source: keyed by them too, a day's rows would outnumber its messages at a
--    country's size; those filters read their partial months from messages, as before.
--    Rows: ~8,000 a month for one city's 23 districts at 5M; a transaction of 250,000 messages (a city's
--    month and a half) writes ~12,000 of them.
CREATE TABLE district_day_rollup (
  day date NOT NULL,
  district_id integer NOT NULL,
  category_id smallint NOT NULL,
  n integer NOT NULL,
  answered integer NOT NULL,
  resolved integer NOT NULL,
  answered_in_time integer NOT NULL,
  PRIMARY KEY (day, district_id, category_id)
) WITH (fillfactor = 75);

INSERT INTO district_day_rollup (day, district_id, category_id, n, answered, resolved, answered_in_time)
SELECT local_day, coalesce(district_id, 0), category_id, count(*), count(answered_at), count(resolved_at),
       count(*) FILTER (WHERE floor(date_part('epoch', answered_at - created_at) / 60)::int <= 1440)
FROM messages
GROUP BY 1, 2, 3;

-- 2. day_sketch: the answer and resolution histograms of 0014 per local day for the whole database (no
--    district: keyed by district, a day's buckets would be ~250 rows a district, as many as the messages
--    of a transaction). The medians of a partial month without a district, category, source or status
--    filter add these to district_month_sketch; with one, they read messages as before.
CREATE TABLE day_sketch (
  day date NOT NULL,
  bucket smallint NOT NULL,
  answers integer NOT NULL,
  resolves integer NOT NULL,
  PRIMARY KEY (day, bucket)
) WITH (fillfactor = 75);

INSERT INTO day_sketch (day, bucket, answers, resolves)
SELECT m.local_day, b.bucket, sum(b.answers), sum(b.resolves)
FROM messages m
CROSS JOIN LATERAL (
  VALUES (minutes_bucket(floor(date_part('epoch', m.answered_at - m.created_at) / 60)::int), 1, 0),
         (minutes_bucket(floor(date_part('epoch', m.resolved_at - m.created_at) / 60)::int), 0, 1)
) AS b (bucket, answers, resolves)
WHERE b.bucket IS NOT NULL
GROUP BY 1, 2;

-- Both kept from the queued changes at commit, as every pre-aggregate (0012); ordered by the whole key so
-- concurrent writers lock rows in one order.
CREATE FUNCTION flush_day_pre_aggregates(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE $q$
    INSERT INTO district_day_rollup AS r (day, district_id, category_id, n, answered, resolved, answered_in_time)
    SELECT local_day, coalesce(district_id, 0), category_id, sum(s)::int,
           coalesce(sum(s) FILTER (WHERE answer_minutes IS NOT NULL), 0)::int,
           coalesce(sum(s) FILTER (WHERE resolve_minutes IS NOT NULL), 0)::int,
           coalesce(sum(s) FILTER (WHERE answer_minutes <= 1440), 0)::int
    FROM pg_temp.pending_message_deltas
    GROUP BY 1, 2, 3
    HAVING sum(s) <> 0
      OR coalesce(sum(s) FILTER (WHERE answer_minutes IS NOT NULL), 0) <> 0
      OR coalesce(sum(s) FILTER (WHERE resolve_minutes IS NOT NULL), 0) <> 0
      OR coalesce(sum(s) FILTER (WHERE answer_minutes <= 1440), 0) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (day, district_id, category_id) DO UPDATE
    SET n = r.n + excluded.n, answered = r.answered + excluded.answered, resolved = r.resolved + excluded.resolved,
        answered_in_time = r.answered_in_time + excluded.answered_in_time$q$;
  EXECUTE $q$
    INSERT INTO day_sketch AS r (day, bucket, answers, resolves)
    SELECT f.local_day, b.bucket, sum(b.answers)::int, sum(b.resolves)::int
    FROM pg_temp.pending_message_deltas f
    CROSS JOIN LATERAL (VALUES (minutes_bucket(f.answer_minutes), f.s, 0),
                               (minutes_bucket(f.resolve_minutes), 0, f.s)) AS b (bucket, answers, resolves)
    WHERE b.bucket IS NOT NULL
    GROUP BY 1, 2
    HAVING sum(b.answers) <> 0 OR sum(b.resolves) <> 0
    ORDER BY 1, 2
    ON CONFLICT (day, bucket) DO UPDATE
    SET answers = r.answers + excluded.answers, resolves = r.resolves + excluded.resolves$q$;
  IF removals THEN
    -- n = 0 leaves every other sum at 0 too (each counts a subset of the messages).
    EXECUTE $q$
      DELETE FROM district_day_rollup r
      USING (SELECT DISTINCT local_day, coalesce(district_id, 0) AS district_id, category_id
             FROM pg_temp.pending_message_deltas WHERE s < 0) g
      WHERE r.n = 0 AND (r.day, r.district_id, r.category_id) = (g.local_day, g.district_id, g.category_id)$q$;
    EXECUTE $q$
      DELETE FROM day_sketch r
      USING (SELECT DISTINCT local_day FROM pg_temp.pending_message_deltas WHERE s < 0) g
      WHERE r.answers = 0 AND r.resolves = 0 AND r.day = g.local_day$q$;
  END IF;
END;
$$;

-- 0016's flush, which now also keeps the day pre-aggregates above.
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
  PERFORM flush_day_pre_aggregates(removals);
  -- Caches and ETags key on data_version (0001): one bump per transaction that changed messages.
  UPDATE app_settings SET value = (value::bigint + 1)::text WHERE key = 'data_version';
  -- Emptied here, not only at commit: SET CONSTRAINTS .. IMMEDIATE can flush mid-transaction.
  TRUNCATE pg_temp.pending_message_deltas;
  DELETE FROM pg_temp.pending_delta_flush;
  RETURN NULL;
END;
$$;
