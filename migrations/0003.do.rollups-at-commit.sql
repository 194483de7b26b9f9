-- The pre-aggregates are summed once per transaction, at its commit, instead of once per statement.
-- A 1M import writes 5,000-row statements; summed per statement, the rollups cost more than the
-- messages themselves (~57 of ~140 us a message on the 2-core bench machine): each batch spreads
-- over many cells and months, so it upserted ~3.5 rollup rows a message. Summed at commit, a
-- transaction's rows collapse into far fewer groups, and each group is upserted once.
--
-- How: the statement triggers (apply_message_changes, the triggers of 0001) copy the changed rows
-- with a sign into a session temp table; the first copy in a transaction also inserts a row into a
-- second temp table whose deferred constraint trigger sums the queue into every pre-aggregate just
-- before the commit. So the pre-aggregates are exact at every commit, whoever writes messages, and
-- a rolled back transaction or savepoint drops its queued rows and its marker with it. Inside a
-- writing transaction the pre-aggregates lag its own writes until the commit (or SET CONSTRAINTS
-- flush_message_changes IMMEDIATE): no code reads them there.
--
-- Also new: cell_day_counts holds res 8 too (the time slider at city zoom); summed at commit, it
-- costs ingest ~2 us a message, where a per-statement upsert cost ~5.

-- Minutes from creation to answer and to resolution, as the rollups sum them (floor of minutes);
-- date_part gives float8, exact for whole microseconds, and far cheaper than extract's numeric.
CREATE OR REPLACE FUNCTION apply_message_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols constant text := $c$local_day, category_id, district_id, h3_5, h3_6, h3_7, h3_8,
    floor(date_part('epoch', answered_at - created_at) / 60)::int,
    floor(date_part('epoch', resolved_at - created_at) / 60)::int$c$;
  queued bigint := 0;
  n bigint;
BEGIN
  IF to_regclass('pg_temp.pending_message_changes') IS NULL THEN
    CREATE TEMP TABLE pending_message_changes (
      s smallint NOT NULL,
      local_day date NOT NULL,
      category_id smallint NOT NULL,
      district_id integer,
      h3_5 bigint NOT NULL,
      h3_6 bigint NOT NULL,
      h3_7 bigint NOT NULL,
      h3_8 bigint NOT NULL,
      answer_minutes integer,
      resolve_minutes integer
    ) ON COMMIT DELETE ROWS;
    CREATE TEMP TABLE pending_rollup_flush (queued_at timestamptz NOT NULL) ON COMMIT DELETE ROWS;
    CREATE CONSTRAINT TRIGGER flush_message_changes AFTER INSERT ON pending_rollup_flush
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION flush_message_changes();
  END IF;
  IF TG_OP <> 'DELETE' THEN
    EXECUTE format('INSERT INTO pg_temp.pending_message_changes SELECT 1, %s FROM new_rows', cols);
    GET DIAGNOSTICS n = ROW_COUNT;
    queued := queued + n;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    EXECUTE format('INSERT INTO pg_temp.pending_message_changes SELECT -1, %s FROM old_rows', cols);
    GET DIAGNOSTICS n = ROW_COUNT;
    queued := queued + n;
  END IF;
  IF queued > 0 AND NOT EXISTS (SELECT FROM pg_temp.pending_rollup_flush) THEN
    INSERT INTO pg_temp.pending_rollup_flush VALUES (clock_timestamp());
  END IF;
  RETURN NULL;
END;
$$;

-- Each cell rollup is one pass over the queue: GROUPING SETS sums every resolution at once, where
-- a join with the four resolutions multiplied the rows to hash by four. Minutes are int4, so the sums
-- keep an int8 state (sums of int8 carry a numeric state, allocated per group). work_mem: the
-- default 4 MB spills a 50,000-row flush to disk. Dynamic SQL: a cached plan made for a queue of ten
-- rows would be reused for a million.
CREATE FUNCTION flush_message_changes() RETURNS trigger LANGUAGE plpgsql SET work_mem = '64MB' AS $$
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
  removals boolean;
  grain text;
BEGIN
  -- ORDER BY: concurrent writers lock rollup rows in one order, so they cannot deadlock.
  FOREACH grain IN ARRAY ARRAY['month', 'year'] LOOP
    EXECUTE format($q$
      INSERT INTO cell_%1$s_rollup AS r
        (res, %1$s, category_id, cell, n, answered, answer_minutes_sum, resolved, resolve_minutes_sum)
      SELECT CASE WHEN GROUPING(h3_5) = 0 THEN 5 WHEN GROUPING(h3_6) = 0 THEN 6
                  WHEN GROUPING(h3_7) = 0 THEN 7 ELSE 8 END,
             t, category_id, coalesce(h3_5, h3_6, h3_7, h3_8), %2$s
      FROM (SELECT date_trunc(%1$L, local_day)::date AS t, * FROM pg_temp.pending_message_changes) q
      GROUP BY GROUPING SETS ((t, category_id, h3_5), (t, category_id, h3_6), (t, category_id, h3_7),
                              (t, category_id, h3_8))
      %4$s
      ORDER BY 1, 2, 3, 4
      ON CONFLICT (res, %1$s, category_id, cell) DO UPDATE SET %3$s$q$, grain, sums, add_metrics, nonzero);
  END LOOP;
  EXECUTE format($q$
    INSERT INTO district_month_rollup AS r
      (month, district_id, category_id, n, answered, answer_minutes_sum, resolved, resolve_minutes_sum)
    SELECT date_trunc('month', local_day)::date, coalesce(district_id, 0), category_id, %s
    FROM pg_temp.pending_message_changes
    GROUP BY 1, 2, 3
    %s
    ORDER BY 1, 2, 3
    ON CONFLICT (month, district_id, category_id) DO UPDATE SET %s$q$, sums, nonzero, add_metrics);
  EXECUTE $q$
    INSERT INTO cell_day_counts AS r (res, day, cell, n)
    SELECT CASE WHEN GROUPING(h3_7) = 0 THEN 7 ELSE 8 END, local_day, coalesce(h3_7, h3_8), sum(s)::int
    FROM pg_temp.pending_message_changes
    GROUP BY GROUPING SETS ((local_day, h3_7), (local_day, h3_8))
    HAVING sum(s) <> 0
    ORDER BY 1, 3, 2
    ON CONFLICT (res, day, cell) DO UPDATE SET n = r.n + excluded.n$q$;
  EXECUTE 'SELECT EXISTS (SELECT FROM pg_temp.pending_message_changes WHERE s < 0)' INTO removals;
  IF removals THEN
    -- Separate statements: the INSERTs' new values are not visible to a later part of the same one.
    -- n = 0 leaves every other sum at 0 too (each counts a subset of the messages).
    FOREACH grain IN ARRAY ARRAY['month', 'year'] LOOP
      EXECUTE format($q$
        DELETE FROM cell_%1$s_rollup r
        USING (
          SELECT DISTINCT c.res, date_trunc(%1$L, f.local_day)::date AS t, f.category_id, c.cell
          FROM pg_temp.pending_message_changes f CROSS JOIN LATERAL %2$s
          WHERE f.s < 0
        ) g
        WHERE r.n = 0 AND (r.res, r.%1$s, r.category_id, r.cell) = (g.res, g.t, g.category_id, g.cell)$q$,
        grain, cells);
    END LOOP;
    EXECUTE $q$
      DELETE FROM district_month_rollup r
      USING (
        SELECT DISTINCT date_trunc('month', local_day)::date AS month, coalesce(district_id, 0) AS district_id,
               category_id
        FROM pg_temp.pending_message_changes
        WHERE s < 0
      ) g
      WHERE r.n = 0 AND (r.month, r.district_id, r.category_id) = (g.month, g.district_id, g.category_id)$q$;
    EXECUTE $q$
      DELETE FROM cell_day_counts r
      USING (
        SELECT DISTINCT c.res, f.local_day, c.cell
        FROM pg_temp.pending_message_changes f
        CROSS JOIN LATERAL (VALUES (7, f.h3_7), (8, f.h3_8)) AS c (res, cell)
        WHERE f.s < 0
      ) g
      WHERE r.n = 0 AND (r.res, r.day, r.cell) = (g.res, g.local_day, g.cell)$q$;
  END IF;
  -- Caches and ETags key on data_version (0001): one bump per transaction that changed messages.
  UPDATE app_settings SET value = (value::bigint + 1)::text WHERE key = 'data_version';
  -- Emptied here, not only at commit: SET CONSTRAINTS .. IMMEDIATE can flush mid-transaction.
  TRUNCATE pg_temp.pending_message_changes;
  DELETE FROM pg_temp.pending_rollup_flush;
  RETURN NULL;
END;
$$;

-- Res 8 day counts for the messages already stored.
INSERT INTO cell_day_counts (res, day, cell, n)
SELECT 8, local_day, h3_8, count(*)::int FROM messages GROUP BY 2, 3;
