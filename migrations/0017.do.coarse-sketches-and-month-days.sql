-- Two reads of issue 14 from far fewer rows: medians of cells over whole years (coarse year histograms), and
-- the time slider's day buckets (a row per cell and month with its days, below).
--
-- 1. The year histograms (0014) in coarse buckets.
-- A map of res-8 medians over all time merged every (cell, year, bucket) row of cell_year_sketch: 327,910 rows
-- for 956 cells at 5M (two years, ~170 buckets a cell and year), sent to the API as arrays and merged there
-- (373 ms, p95 361 ms in the bench). Here the same counts are kept again per coarse bucket, 16 of 0014's
-- buckets each (bucket >> 4: -1 for the bucket of 0 minutes; a coarse bucket spans a factor gamma^16 = 1.9):
-- 28,425 rows at res 8 for the same data. A median is then found in two steps (api/src/queries/
-- year-sketch-medians.ts): the coarse bucket that holds each middle rank, from the coarse rows; then the
-- buckets of cell_year_sketch within that one coarse bucket only (16 buckets of each year, one index range).
-- The estimate is the same as from all buckets (the same bucket holds the middle rank).
-- Rows after this backfill of 5M synthetic messages: res 5 243, res 6 1,016, res 7 5,096, res 8 28,425
-- (cell_year_sketch: 2,929, 11,951, 59,017, 327,910).
CREATE TABLE cell_year_sketch_coarse (
  res smallint NOT NULL,
  year date NOT NULL,
  cell bigint NOT NULL,
  coarse smallint NOT NULL,
  answers integer NOT NULL,
  resolves integer NOT NULL,
  PRIMARY KEY (res, year, cell, coarse)
) WITH (fillfactor = 75);

INSERT INTO cell_year_sketch_coarse (res, year, cell, coarse, answers, resolves)
SELECT res, year, cell, bucket >> 4, sum(answers), sum(resolves)
FROM cell_year_sketch
GROUP BY 1, 2, 3, 4;

-- 0014's flush of the histograms, which now also sums the coarse year buckets from the same queued times.
CREATE OR REPLACE FUNCTION flush_message_sketches(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  times constant text := $t$(
    SELECT f.local_day, f.district_id, f.h3_5, f.h3_6, f.h3_7, f.h3_8, f.s, b.bucket, b.answers, b.resolves
    FROM pg_temp.pending_message_deltas f
    CROSS JOIN LATERAL (VALUES (minutes_bucket(f.answer_minutes), f.s, 0),
                               (minutes_bucket(f.resolve_minutes), 0, f.s)) AS b (bucket, answers, resolves)
    WHERE b.bucket IS NOT NULL)$t$;
  -- grain, table, bucket column, bucket expression
  targets constant text[][] := ARRAY[
    ARRAY['month', 'cell_month_sketch', 'bucket', 'bucket'],
    ARRAY['year', 'cell_year_sketch', 'bucket', 'bucket'],
    ARRAY['year', 'cell_year_sketch_coarse', 'coarse', 'bucket >> 4']];
  target text[];
BEGIN
  FOREACH target SLICE 1 IN ARRAY targets LOOP
    -- ORDER BY the whole key: concurrent writers lock rows in one order (0012).
    EXECUTE format($q$
      INSERT INTO %2$s AS r (res, %1$s, cell, %3$s, answers, resolves)
      SELECT CASE WHEN GROUPING(h3_5) = 0 THEN 5 WHEN GROUPING(h3_6) = 0 THEN 6
                  WHEN GROUPING(h3_7) = 0 THEN 7 ELSE 8 END,
             t, coalesce(h3_5, h3_6, h3_7, h3_8), k, sum(answers)::int, sum(resolves)::int
      FROM (SELECT date_trunc(%1$L, local_day)::date AS t, %4$s AS k, * FROM %5$s q) q
      GROUP BY GROUPING SETS ((t, h3_5, k), (t, h3_6, k), (t, h3_7, k), (t, h3_8, k))
      HAVING sum(answers) <> 0 OR sum(resolves) <> 0
      ORDER BY 1, 2, 3, 4
      ON CONFLICT (res, %1$s, cell, %3$s)
      DO UPDATE SET answers = r.answers + excluded.answers, resolves = r.resolves + excluded.resolves$q$,
      target[1], target[2], target[3], target[4], times);
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
    FOREACH target SLICE 1 IN ARRAY targets LOOP
      EXECUTE format($q$
        DELETE FROM %2$s r
        USING (
          SELECT DISTINCT c.res, date_trunc(%1$L, f.local_day)::date AS t, c.cell, %4$s AS k
          FROM %5$s f
          CROSS JOIN LATERAL (VALUES (5, f.h3_5), (6, f.h3_6), (7, f.h3_7), (8, f.h3_8)) AS c (res, cell)
          WHERE f.s < 0
        ) g
        WHERE r.answers = 0 AND r.resolves = 0
          AND (r.res, r.%1$s, r.cell, r.%3$s) = (g.res, g.t, g.cell, g.k)$q$,
        target[1], target[2], target[3], target[4], times);
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

-- The day counts of cells (0004) again, a row per cell and local month with its days as an array (day of
-- month d at days[d], 0 for none; 31 long whatever the month), for res 7 and 8 as cell_day_counts.
-- The time slider's res-8 day timeline over a year at 5M read 277,912 (cell, day) rows of cell_day_counts
-- (~200 ms in SQL, sorting them by cell, before building the answer); here 11,000 rows of 31 days.
-- Rows at 5M: res 8 20,743 (cell_day_counts 556,412), res 7 3,434 (94,143).
CREATE TABLE cell_month_days (
  res smallint NOT NULL,
  month date NOT NULL,
  cell bigint NOT NULL,
  days integer[] NOT NULL,
  PRIMARY KEY (res, month, cell)
) WITH (fillfactor = 75);

-- 31 counts from (day of month, count) pairs, 0 where none.
CREATE FUNCTION month_days(doms integer[], counts integer[]) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(coalesce(x.n, 0) ORDER BY i)
  FROM generate_series(1, 31) AS i LEFT JOIN unnest(doms, counts) AS x (d, n) ON x.d = i
$$;

INSERT INTO cell_month_days (res, month, cell, days)
SELECT res, month, cell, month_days(array_agg(dom), array_agg(n))
FROM (SELECT res, date_trunc('month', day)::date AS month, cell, extract(day FROM day)::int AS dom, n
      FROM cell_day_counts) d
GROUP BY 1, 2, 3;

CREATE FUNCTION flush_month_days(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
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
END;
$$;

-- 0014's flush of the day counts by status and source, which now also adds the days of the month rows.
CREATE OR REPLACE FUNCTION flush_day_source_status_counts(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
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
  PERFORM flush_month_days(removals);
END;
$$;
