-- Medians from the pre-aggregates, and day counts by status and source (issue 14).
--
-- Medians: exact medians read every message of the window (1.9 s at 1M
-- for res-8 hexagons over all time). Here each pre-aggregate group keeps a histogram of its answer and
-- resolution minutes in log-spaced buckets (DDSketch's, relative error a = 2 %; geo/src/metrics/sketch-median.ts
-- turns merged buckets into a median within 2 % of the exact one). Counts per bucket add and subtract, so
-- the histograms stay exact under inserts, status changes (an UPDATE leaves with -1 and enters with +1) and
-- deletes, summed at commit by the same queue as the other pre-aggregates (0003, 0012).
--
-- Sparse: one row per non-empty (group, bucket), with the answers and the resolutions that fall in it,
-- keyed by the cell (or district) and period alone: what an unfiltered map of medians (and /districts,
-- /summary with a district filter) reads. Not also by category, status and source as the counts are (0012):
-- a (cell, month, status, source, category) group holds a handful of times, so such histograms hold about a
-- row per time and resolution, larger than the messages themselves. Rows after the backfill of 200k synthetic
-- messages (317k answer and resolution times; messages 178 MB):
--   keyed as here: cell_month_sketch 491,487 (62 MB), cell_year_sketch 177,988 (23 MB),
--     district_month_sketch 72,598 (8 MB);
--   keyed also by status, source, category: 1,070,305 (191 MB), 710,739 (114 MB), 266,690 (34 MB).
-- So a median with a category, source or status filter is computed from the messages, exactly.
-- bucket: ceil(ln(minutes) / ln(gamma)), gamma = 1.02 / 0.98; -1 is the bucket of 0 minutes (and of a
-- negative span, which counts as 0: docs/metrics.md). float8 ln: no whole number of minutes up to 40 years
-- lies within 1e-9 of a bucket edge (geo's test), so this and the TypeScript rule agree on every bucket.
CREATE FUNCTION minutes_bucket(minutes integer) RETURNS smallint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  SELECT CASE WHEN minutes <= 0 THEN -1
              ELSE ceil(ln(minutes::float8) / ln(1.02::float8 / 0.98::float8))::smallint END
$$;

CREATE TABLE cell_month_sketch (
  res smallint NOT NULL,
  month date NOT NULL,
  cell bigint NOT NULL,
  bucket smallint NOT NULL,
  answers integer NOT NULL,
  resolves integer NOT NULL,
  PRIMARY KEY (res, month, cell, bucket)
) WITH (fillfactor = 75);

CREATE TABLE cell_year_sketch (
  res smallint NOT NULL,
  year date NOT NULL,
  cell bigint NOT NULL,
  bucket smallint NOT NULL,
  answers integer NOT NULL,
  resolves integer NOT NULL,
  PRIMARY KEY (res, year, cell, bucket)
) WITH (fillfactor = 75);

CREATE TABLE district_month_sketch (
  month date NOT NULL,
  district_id integer NOT NULL,
  bucket smallint NOT NULL,
  answers integer NOT NULL,
  resolves integer NOT NULL,
  PRIMARY KEY (month, district_id, bucket)
) WITH (fillfactor = 75);

-- The queued changes (0012's pending_message_deltas) as bucket counts: each answer time and each
-- resolution time of a queued row, with its sign, in its bucket.
CREATE FUNCTION flush_message_sketches(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  times constant text := $t$(
    SELECT f.local_day, f.district_id, f.h3_5, f.h3_6, f.h3_7, f.h3_8, f.s, b.bucket, b.answers, b.resolves
    FROM pg_temp.pending_message_deltas f
    CROSS JOIN LATERAL (VALUES (minutes_bucket(f.answer_minutes), f.s, 0),
                               (minutes_bucket(f.resolve_minutes), 0, f.s)) AS b (bucket, answers, resolves)
    WHERE b.bucket IS NOT NULL)$t$;
  grain text;
BEGIN
  FOREACH grain IN ARRAY ARRAY['month', 'year'] LOOP
    -- ORDER BY the whole key: concurrent writers lock rows in one order (0012).
    EXECUTE format($q$
      INSERT INTO cell_%1$s_sketch AS r (res, %1$s, cell, bucket, answers, resolves)
      SELECT CASE WHEN GROUPING(h3_5) = 0 THEN 5 WHEN GROUPING(h3_6) = 0 THEN 6
                  WHEN GROUPING(h3_7) = 0 THEN 7 ELSE 8 END,
             t, coalesce(h3_5, h3_6, h3_7, h3_8), bucket, sum(answers)::int, sum(resolves)::int
      FROM (SELECT date_trunc(%1$L, local_day)::date AS t, * FROM %2$s q) q
      GROUP BY GROUPING SETS ((t, h3_5, bucket), (t, h3_6, bucket), (t, h3_7, bucket), (t, h3_8, bucket))
      HAVING sum(answers) <> 0 OR sum(resolves) <> 0
      ORDER BY 1, 2, 3, 4
      ON CONFLICT (res, %1$s, cell, bucket)
      DO UPDATE SET answers = r.answers + excluded.answers, resolves = r.resolves + excluded.resolves$q$,
      grain, times);
  END LOOP;
  EXECUTE format($q$
    INSERT INTO district_month_sketch AS r (month, district_id, bucket, answers, resolves)
    SELECT date_trunc('month', local_day)::date, coalesce(district_id, 0), bucket, sum(answers)::int, sum(resolves)::int
    FROM %1$s q
    GROUP BY 1, 2, 3
    HAVING sum(answers) <> 0 OR sum(resolves) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (month, district_id, bucket)
    DO UPDATE SET answers = r.answers + excluded.answers, resolves = r.resolves + excluded.resolves$q$,
    times);
  IF removals THEN
    -- Only a removal can empty a bucket; separate statements, as in 0012.
    FOREACH grain IN ARRAY ARRAY['month', 'year'] LOOP
      EXECUTE format($q$
        DELETE FROM cell_%1$s_sketch r
        USING (
          SELECT DISTINCT c.res, date_trunc(%1$L, f.local_day)::date AS t, c.cell, f.bucket
          FROM %2$s f
          CROSS JOIN LATERAL (VALUES (5, f.h3_5), (6, f.h3_6), (7, f.h3_7), (8, f.h3_8)) AS c (res, cell)
          WHERE f.s < 0
        ) g
        WHERE r.answers = 0 AND r.resolves = 0
          AND (r.res, r.%1$s, r.cell, r.bucket) = (g.res, g.t, g.cell, g.bucket)$q$,
        grain, times);
    END LOOP;
    EXECUTE format($q$
      DELETE FROM district_month_sketch r
      USING (
        SELECT DISTINCT date_trunc('month', local_day)::date AS month, coalesce(district_id, 0) AS district_id, bucket
        FROM %1$s f
        WHERE s < 0
      ) g
      WHERE r.answers = 0 AND r.resolves = 0
        AND (r.month, r.district_id, r.bucket) = (g.month, g.district_id, g.bucket)$q$,
      times);
  END IF;
END;
$$;

-- Day and week buckets of /timeline with a status, source or category filter read messages (by the index
-- of 0012: as slow as a naive GROUP BY). cell_day_counts (0004) has none of those keys; this twin has them,
-- for res 7 and 8 as that one. Key: status and source lead, as in 0012, then the day, so a read is one day
-- range per (status, source) pair asked for. Rows after the backfill of 200k synthetic messages: res 8
-- 173,852 (cell_day_counts 109,141), res 7 165,797: at res 8 a (cell, day) holds a message or two, so the
-- keys split little there; per million messages a cell's day holds more, and the keys split more.
CREATE TABLE cell_day_source_status_counts (
  res smallint NOT NULL,
  status message_status NOT NULL,
  source_id smallint NOT NULL,
  category_id smallint NOT NULL,
  day date NOT NULL,
  cell bigint NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (res, status, source_id, day, category_id, cell)
) WITH (fillfactor = 75);

CREATE FUNCTION flush_day_source_status_counts(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE $q$
    INSERT INTO cell_day_source_status_counts AS r (res, status, source_id, day, category_id, cell, n)
    SELECT CASE WHEN GROUPING(h3_7) = 0 THEN 7 ELSE 8 END, status, source_id, local_day, category_id,
           coalesce(h3_7, h3_8), sum(s)::int
    FROM pg_temp.pending_message_deltas
    GROUP BY GROUPING SETS ((status, source_id, local_day, category_id, h3_7),
                            (status, source_id, local_day, category_id, h3_8))
    HAVING sum(s) <> 0
    ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (res, status, source_id, day, category_id, cell) DO UPDATE SET n = r.n + excluded.n$q$;
  IF removals THEN
    EXECUTE $q$
      DELETE FROM cell_day_source_status_counts r
      USING (
        SELECT DISTINCT c.res, f.status, f.source_id, f.local_day, f.category_id, c.cell
        FROM pg_temp.pending_message_deltas f
        CROSS JOIN LATERAL (VALUES (7, f.h3_7), (8, f.h3_8)) AS c (res, cell)
        WHERE f.s < 0
      ) g
      WHERE r.n = 0
        AND (r.res, r.status, r.source_id, r.day, r.category_id, r.cell)
          = (g.res, g.status, g.source_id, g.local_day, g.category_id, g.cell)$q$;
  END IF;
END;
$$;

-- 0012's flush, which now also sums the histograms and the day counts by status and source.
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
        (month, district_id, %5$s category_id, n, answered, answer_minutes_sum, resolved, resolve_minutes_sum)
      SELECT date_trunc('month', local_day)::date, coalesce(district_id, 0), %5$s category_id, %1$s
      FROM pg_temp.pending_message_deltas
      GROUP BY date_trunc('month', local_day)::date, coalesce(district_id, 0), %5$s category_id
      %2$s
      ORDER BY %6$s
      ON CONFLICT (month, district_id, %5$s category_id) DO UPDATE SET %3$s$q$,
      sums, nonzero, add_metrics, tables, facet, district_order);
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


-- The messages already stored, bucketed as the flush buckets them.
CREATE TEMP TABLE message_times ON COMMIT DROP AS
SELECT m.local_day, m.district_id, m.h3_5, m.h3_6, m.h3_7, m.h3_8, b.bucket, b.answers, b.resolves
FROM messages m
CROSS JOIN LATERAL (
  VALUES (minutes_bucket(floor(date_part('epoch', m.answered_at - m.created_at) / 60)::int), 1, 0),
         (minutes_bucket(floor(date_part('epoch', m.resolved_at - m.created_at) / 60)::int), 0, 1)
) AS b (bucket, answers, resolves)
WHERE b.bucket IS NOT NULL;

INSERT INTO cell_month_sketch (res, month, cell, bucket, answers, resolves)
SELECT CASE WHEN GROUPING(h3_5) = 0 THEN 5 WHEN GROUPING(h3_6) = 0 THEN 6 WHEN GROUPING(h3_7) = 0 THEN 7 ELSE 8 END,
       t, coalesce(h3_5, h3_6, h3_7, h3_8), bucket, sum(answers), sum(resolves)
FROM (SELECT date_trunc('month', local_day)::date AS t, * FROM message_times) q
GROUP BY GROUPING SETS ((t, h3_5, bucket), (t, h3_6, bucket), (t, h3_7, bucket), (t, h3_8, bucket));

INSERT INTO cell_year_sketch (res, year, cell, bucket, answers, resolves)
SELECT res, date_trunc('year', month)::date, cell, bucket, sum(answers), sum(resolves)
FROM cell_month_sketch
GROUP BY 1, 2, 3, 4;

INSERT INTO district_month_sketch (month, district_id, bucket, answers, resolves)
SELECT date_trunc('month', local_day)::date, coalesce(district_id, 0), bucket, sum(answers), sum(resolves)
FROM message_times
GROUP BY 1, 2, 3;

INSERT INTO cell_day_source_status_counts (res, status, source_id, day, category_id, cell, n)
SELECT CASE WHEN GROUPING(h3_7) = 0 THEN 7 ELSE 8 END, status, source_id, local_day, category_id,
       coalesce(h3_7, h3_8), count(*)
FROM messages
GROUP BY GROUPING SETS ((status, source_id, local_day, category_id, h3_7),
                        (status, source_id, local_day, category_id, h3_8));
