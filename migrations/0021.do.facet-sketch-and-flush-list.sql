-- Issue 14: /summary always answers medians, and with a category, source or status filter (one source,
-- "resolved only") it computed them exactly from every message of the filter (0014 keeps histograms by cell
-- and district alone): one source over all time at 5M is a quarter of the messages sorted twice.
--
-- 1. month_facet_sketch and year_facet_sketch: the answer and resolution histograms of 0014 per month (year),
--    status, source and category for the whole database. No cell and no district: keyed by either as well,
--    the rows would outnumber the answer times (0014 counted 266,690 rows for 200k messages with the
--    district). A filter's medians read the whole years of their window from the year table, the whole months
--    left from the month table, the rest from messages as before (one source over all time at 5M: ~118,000 month
--    rows, 148 ms; a twelfth of that by year). Medians with a district (a municipal account, /districts) or of
--    cells stay exact from the messages of that district or cell.
--    Keys led by status and source, as 0012's tables: a read names every status and source it counts.
CREATE TABLE month_facet_sketch (
  status message_status NOT NULL,
  source_id smallint NOT NULL,
  category_id smallint NOT NULL,
  month date NOT NULL,
  bucket smallint NOT NULL,
  answers integer NOT NULL,
  resolves integer NOT NULL,
  PRIMARY KEY (status, source_id, category_id, month, bucket)
) WITH (fillfactor = 75);

CREATE TABLE year_facet_sketch (
  status message_status NOT NULL,
  source_id smallint NOT NULL,
  category_id smallint NOT NULL,
  year date NOT NULL,
  bucket smallint NOT NULL,
  answers integer NOT NULL,
  resolves integer NOT NULL,
  PRIMARY KEY (status, source_id, category_id, year, bucket)
) WITH (fillfactor = 75);

INSERT INTO month_facet_sketch (status, source_id, category_id, month, bucket, answers, resolves)
SELECT m.status, m.source_id, m.category_id, date_trunc('month', m.local_day)::date, b.bucket,
       sum(b.answers), sum(b.resolves)
FROM messages m
CROSS JOIN LATERAL (
  VALUES (minutes_bucket(floor(date_part('epoch', m.answered_at - m.created_at) / 60)::int), 1, 0),
         (minutes_bucket(floor(date_part('epoch', m.resolved_at - m.created_at) / 60)::int), 0, 1)
) AS b (bucket, answers, resolves)
WHERE b.bucket IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO year_facet_sketch (status, source_id, category_id, year, bucket, answers, resolves)
SELECT status, source_id, category_id, date_trunc('year', month)::date, bucket, sum(answers), sum(resolves)
FROM month_facet_sketch
GROUP BY 1, 2, 3, 4, 5;

CREATE FUNCTION flush_facet_sketches(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  grain text;
BEGIN
  FOREACH grain IN ARRAY ARRAY['month', 'year'] LOOP
    -- ORDER BY the whole key: concurrent writers lock rows in one order (0012).
    EXECUTE format($q$
      INSERT INTO %1$s_facet_sketch AS r (status, source_id, category_id, %1$s, bucket, answers, resolves)
      SELECT f.status, f.source_id, f.category_id, date_trunc(%1$L, f.local_day)::date, b.bucket,
             sum(b.answers)::int, sum(b.resolves)::int
      FROM pg_temp.pending_message_deltas f
      CROSS JOIN LATERAL (VALUES (minutes_bucket(f.answer_minutes), f.s, 0),
                                 (minutes_bucket(f.resolve_minutes), 0, f.s)) AS b (bucket, answers, resolves)
      WHERE b.bucket IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5
      HAVING sum(b.answers) <> 0 OR sum(b.resolves) <> 0
      ORDER BY 1, 2, 3, 4, 5
      ON CONFLICT (status, source_id, category_id, %1$s, bucket) DO UPDATE
      SET answers = r.answers + excluded.answers, resolves = r.resolves + excluded.resolves$q$, grain);
    IF removals THEN
      -- Only a removal can empty a bucket; a separate statement, as in 0012.
      EXECUTE format($q$
        DELETE FROM %1$s_facet_sketch r
        USING (SELECT DISTINCT status, source_id, category_id, date_trunc(%1$L, local_day)::date AS t
               FROM pg_temp.pending_message_deltas WHERE s < 0) g
        WHERE r.answers = 0 AND r.resolves = 0
          AND (r.status, r.source_id, r.category_id, r.%1$s) = (g.status, g.source_id, g.category_id, g.t)$q$, grain);
    END IF;
  END LOOP;
END;
$$;

-- 2. The flushes of pre-aggregates added from now on, in order: a migration that adds one inserts its row
--    here. Until now each one redefined an earlier flush function to call its own, a copy of that whole
--    function (0014, 0017, 0018, 0019 and 0020 did), which a later redefinition of the same function would
--    have silently undone.
CREATE TABLE pre_aggregate_flushes (
  position smallint PRIMARY KEY,
  name text NOT NULL UNIQUE
);

INSERT INTO pre_aggregate_flushes (position, name) VALUES (1, 'flush_facet_sketches');

-- 0018's flush of the day pre-aggregates, the last one flush_message_changes calls, unchanged but for the
-- loop over the list at its end: the last copy of a flush function.
CREATE OR REPLACE FUNCTION flush_day_pre_aggregates(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  flush text;
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
  FOR flush IN SELECT name FROM pre_aggregate_flushes ORDER BY position LOOP
    EXECUTE format('SELECT %I($1)', flush) USING removals;
  END LOOP;
END;
$$;
