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

-- 0016's flush, which now also sums the two tables above.
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
  PERFORM flush_all_time_sketch(removals);
  PERFORM flush_cell_district_rollup(removals);
  -- Caches and ETags key on data_version (0001): one bump per transaction that changed messages.
  UPDATE app_settings SET value = (value::bigint + 1)::text WHERE key = 'data_version';
  -- Emptied here, not only at commit: SET CONSTRAINTS .. IMMEDIATE can flush mid-transaction.
  TRUNCATE pg_temp.pending_message_deltas;
  DELETE FROM pg_temp.pending_delta_flush;
  RETURN NULL;
END;
$$;
