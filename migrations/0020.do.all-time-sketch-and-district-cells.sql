-- Two /hexagons reads of issue 14 at 5M from a few hundred rows instead of tens of thousands (or of
-- messages): res-8 medians over all time, and cells with a district filter (a municipal account's map).
--
-- 1. Res-8 histograms over all time as cumulative counts: a row per cell, answers[i] and resolves[i] the
-- number of times in buckets up to bucket i - 2 (0014's buckets; index 1 is the bucket of 0 minutes, -1),
-- up to the cell's highest bucket (later buckets: the last value). The bucket of the middle rank k (0-based)
-- is then a binary search, width_bucket(k, answers) - 1: no merge of years, no window over buckets, one row
-- per cell whatever the years. 0017's coarse buckets answered res-8 medians over all time at 5M in ~150 ms
-- (p95 171 in the bench: 28,425 coarse rows, then 52,000 fine ones by 2,000 index probes); here 956 rows,
-- ~5 ms, the same buckets (api/src/queries/all-time-sketch-medians.ts). Res 8 only: coarser cells over all
-- time read 1/5 of res 8's coarse rows or fewer. Ingest: one more row per message change (its cell's),
-- rewritten whole (two arrays of ~330 counts, ~2.7 kB: kept inline, STORAGE PLAIN, as the longest possible,
-- 40 years of minutes in ~430 buckets, fits a page).
CREATE TABLE cell_all_time_sketch (
  res smallint NOT NULL,
  cell bigint NOT NULL,
  answers integer[] NOT NULL,
  resolves integer[] NOT NULL,
  PRIMARY KEY (res, cell)
) WITH (fillfactor = 50);
ALTER TABLE cell_all_time_sketch ALTER answers SET STORAGE PLAIN, ALTER resolves SET STORAGE PLAIN;

-- Cumulative counts (index bucket + 2) from (bucket, count) pairs. PL/pgSQL: two passes over one array
-- (~330 entries) cost half of a window over generate_series joined to the pairs (a flush of 10,000
-- messages over the 956 res-8 cells of the 5M data: ~90 ms here against ~210 ms).
CREATE FUNCTION cumulative_counts(buckets smallint[], counts integer[]) RETURNS integer[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  c integer[] := array_fill(0, ARRAY[(SELECT max(b) FROM unnest(buckets) AS b) + 2]);
  k integer;
BEGIN
  FOR k IN 1..cardinality(buckets) LOOP
    c[buckets[k] + 2] := c[buckets[k] + 2] + counts[k];
  END LOOP;
  FOR k IN 2..cardinality(c) LOOP
    c[k] := c[k] + c[k - 1];
  END LOOP;
  RETURN c;
END;
$$;

-- The sum of two cumulative arrays; the shorter one keeps its last value beyond its end.
CREATE FUNCTION add_cumulative(a integer[], b integer[]) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT array_agg(coalesce(a[i], a[cardinality(a)], 0) + coalesce(b[i], b[cardinality(b)], 0) ORDER BY i)
  FROM generate_series(1, greatest(cardinality(a), cardinality(b))) AS i
$$;

INSERT INTO cell_all_time_sketch (res, cell, answers, resolves)
SELECT res, cell, cumulative_counts(array_agg(bucket), array_agg(answers)),
       cumulative_counts(array_agg(bucket), array_agg(resolves))
FROM (SELECT res, cell, bucket, sum(answers)::int AS answers, sum(resolves)::int AS resolves
      FROM cell_year_sketch WHERE res = 8 GROUP BY 1, 2, 3) s
GROUP BY 1, 2;

CREATE FUNCTION flush_all_time_sketch(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- ORDER BY the key: concurrent writers lock rows in one order (0012).
  EXECUTE $q$
    INSERT INTO cell_all_time_sketch AS r (res, cell, answers, resolves)
    SELECT 8, cell, cumulative_counts(array_agg(bucket), array_agg(answers)),
           cumulative_counts(array_agg(bucket), array_agg(resolves))
    FROM (
      SELECT f.h3_8 AS cell, b.bucket, sum(b.answers)::int AS answers, sum(b.resolves)::int AS resolves
      FROM pg_temp.pending_message_deltas f
      CROSS JOIN LATERAL (VALUES (minutes_bucket(f.answer_minutes), f.s, 0),
                                 (minutes_bucket(f.resolve_minutes), 0, f.s)) AS b (bucket, answers, resolves)
      WHERE b.bucket IS NOT NULL
      GROUP BY 1, 2
      HAVING sum(b.answers) <> 0 OR sum(b.resolves) <> 0
    ) d
    GROUP BY cell
    ORDER BY cell
    ON CONFLICT (res, cell) DO UPDATE
    SET answers = add_cumulative(r.answers, excluded.answers), resolves = add_cumulative(r.resolves, excluded.resolves)$q$;
  IF removals THEN
    -- A cell with no time left: every count 0, so the last one is.
    EXECUTE $q$
      DELETE FROM cell_all_time_sketch r
      USING (SELECT DISTINCT h3_8 AS cell FROM pg_temp.pending_message_deltas WHERE s < 0) g
      WHERE r.res = 8 AND r.cell = g.cell
        AND r.answers[cardinality(r.answers)] = 0 AND r.resolves[cardinality(r.resolves)] = 0$q$;
  END IF;
END;
$$;

-- 2. Cells by district: messages per resolution 5-8 × district × local year × category × cell (district 0:
-- outside every district). A cell on a district border is one row per district, so a district filter or a
-- municipal scope sums only its own districts' messages of each cell. Cells with a district filter read
-- messages before (by messages_district_idx: 554,449 for the busiest district at 5M, p95 174 ms in the
-- bench); whole years now come from here (~1,000 rows), the rest of a window from messages as before
-- (api/src/queries/aggregate-query.ts). Counts only: medians with a district filter stay exact from the
-- messages. Keyed by district before year: every read names its districts. Rows after this backfill of 5M
-- synthetic messages: res 5 1,028, res 6 2,072, res 7 6,601, res 8 26,088 (cell_year_rollup: 132, 575,
-- 3,084, 18,614). Ingest: four more rows per message change (one a resolution), as cell_year_rollup.
CREATE TABLE cell_year_district_rollup (
  res smallint NOT NULL,
  district_id integer NOT NULL,
  year date NOT NULL,
  category_id smallint NOT NULL,
  cell bigint NOT NULL,
  n integer NOT NULL,
  answered integer NOT NULL,
  resolved integer NOT NULL,
  PRIMARY KEY (res, district_id, year, category_id, cell)
) WITH (fillfactor = 75);

INSERT INTO cell_year_district_rollup (res, district_id, year, category_id, cell, n, answered, resolved)
SELECT c.res, coalesce(m.district_id, 0), date_trunc('year', m.local_day)::date, m.category_id, c.cell,
       count(*), count(m.answered_at), count(m.resolved_at)
FROM messages m
CROSS JOIN LATERAL (VALUES (5, m.h3_5), (6, m.h3_6), (7, m.h3_7), (8, m.h3_8)) AS c (res, cell)
GROUP BY 1, 2, 3, 4, 5;

CREATE FUNCTION flush_cell_district_rollup(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  answered constant text := 'coalesce(sum(s) FILTER (WHERE answer_minutes IS NOT NULL), 0)';
  resolved constant text := 'coalesce(sum(s) FILTER (WHERE resolve_minutes IS NOT NULL), 0)';
BEGIN
  EXECUTE format($q$
    INSERT INTO cell_year_district_rollup AS r (res, district_id, year, category_id, cell, n, answered, resolved)
    SELECT CASE WHEN GROUPING(h3_5) = 0 THEN 5 WHEN GROUPING(h3_6) = 0 THEN 6
                WHEN GROUPING(h3_7) = 0 THEN 7 ELSE 8 END,
           d, y, category_id, coalesce(h3_5, h3_6, h3_7, h3_8), sum(s)::int, %1$s::int, %2$s::int
    FROM (SELECT coalesce(district_id, 0) AS d, date_trunc('year', local_day)::date AS y, *
          FROM pg_temp.pending_message_deltas) q
    GROUP BY GROUPING SETS ((d, y, category_id, h3_5), (d, y, category_id, h3_6),
                            (d, y, category_id, h3_7), (d, y, category_id, h3_8))
    HAVING sum(s) <> 0 OR %1$s <> 0 OR %2$s <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (res, district_id, year, category_id, cell) DO UPDATE
    SET n = r.n + excluded.n, answered = r.answered + excluded.answered, resolved = r.resolved + excluded.resolved$q$,
    answered, resolved);
  IF removals THEN
    -- n = 0 leaves the other counts at 0 too (each counts a subset of the messages).
    EXECUTE $q$
      DELETE FROM cell_year_district_rollup r
      USING (
        SELECT DISTINCT c.res, coalesce(f.district_id, 0) AS district_id,
               date_trunc('year', f.local_day)::date AS year, f.category_id, c.cell
        FROM pg_temp.pending_message_deltas f
        CROSS JOIN LATERAL (VALUES (5, f.h3_5), (6, f.h3_6), (7, f.h3_7), (8, f.h3_8)) AS c (res, cell)
        WHERE f.s < 0
      ) g
      WHERE r.n = 0
        AND (r.res, r.district_id, r.year, r.category_id, r.cell) = (g.res, g.district_id, g.year, g.category_id, g.cell)$q$;
  END IF;
END;
$$;

-- 0017's flush of the histograms, which now also sums the two tables above. Called from here, not from
-- flush_message_changes: 0018 redefines that one, and each migration that redefines a function copies the
-- definition it knew, so the later would drop the other's addition.
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
  PERFORM flush_all_time_sketch(removals);
  PERFORM flush_cell_district_rollup(removals);
END;
$$;
