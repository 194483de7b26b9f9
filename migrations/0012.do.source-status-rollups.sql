-- Source and status filters from pre-aggregates: "unanswered only" (status) and one source are what
-- control rooms filter by most, and they read every message of the window (218 ms p95 at 1M).
--
-- Three more pre-aggregates, the month, year and district ones of 0001 keyed also by status (the
-- five-valued message_status the filter compares) and source (its smallint id). Separate tables, not
-- wider keys on the old ones: an unfiltered or category-only read sums the narrow tables as before. With
-- the two keys a year of res-8 cells holds up to 20 rows where it held one (100k synthetic messages:
-- year res 8 14,660 -> 45,130 rows, month res 8 46,784 -> 74,187, district month 5,451 -> 32,782), and
-- the whole-range view sums years. Both keys fit in the alignment padding before `cell`: a row is no
-- wider than its narrow twin.
--
-- Key order: status and source first (after res), then the period: a read names every status and
-- source it wants (all of them when it filters by one only), so the index reads one range of periods
-- for each (status, source) pair asked for, and rows of other sources or statuses are never visited
-- (one source of four, "new, in_progress" a sliver of all rows).
CREATE TABLE cell_month_source_status_rollup (
  res smallint NOT NULL,
  month date NOT NULL,
  status message_status NOT NULL,
  source_id smallint NOT NULL,
  category_id smallint NOT NULL,
  cell bigint NOT NULL,
  n integer NOT NULL,
  answered integer NOT NULL,
  answer_minutes_sum bigint NOT NULL,
  resolved integer NOT NULL,
  resolve_minutes_sum bigint NOT NULL,
  PRIMARY KEY (res, status, source_id, month, category_id, cell)
) WITH (fillfactor = 75);

CREATE TABLE cell_year_source_status_rollup (
  res smallint NOT NULL,
  year date NOT NULL,
  status message_status NOT NULL,
  source_id smallint NOT NULL,
  category_id smallint NOT NULL,
  cell bigint NOT NULL,
  n integer NOT NULL,
  answered integer NOT NULL,
  answer_minutes_sum bigint NOT NULL,
  resolved integer NOT NULL,
  resolve_minutes_sum bigint NOT NULL,
  PRIMARY KEY (res, status, source_id, year, category_id, cell)
) WITH (fillfactor = 75);

CREATE TABLE district_month_source_status_rollup (
  month date NOT NULL,
  district_id integer NOT NULL,
  status message_status NOT NULL,
  source_id smallint NOT NULL,
  category_id smallint NOT NULL,
  n integer NOT NULL,
  answered integer NOT NULL,
  answer_minutes_sum bigint NOT NULL,
  resolved integer NOT NULL,
  resolve_minutes_sum bigint NOT NULL,
  PRIMARY KEY (status, source_id, month, district_id, category_id)
) WITH (fillfactor = 75);

-- Reads that stay on messages with a status or source filter (the partial months at a window's edges,
-- day and week buckets, district-filtered cells) stay in the index as the unfiltered ones do (0001): the
-- two columns ride along. They fill the padding after category_id, so an entry is no larger.
DROP INDEX messages_created_idx;
CREATE INDEX messages_created_idx ON messages (created_at)
  INCLUDE (category_id, source_id, status, h3_5, h3_6, h3_7, h3_8, answered_at, resolved_at);
DROP INDEX messages_district_idx;
CREATE INDEX messages_district_idx ON messages (district_id, created_at)
  INCLUDE (category_id, source_id, status, h3_5, h3_6, h3_7, h3_8, answered_at, resolved_at);

-- The queue (0003) now carries status and source. New temp table names: a session that queued before
-- this migration keeps its old-shaped pending_message_changes, which this function never writes to.
-- A status change is an UPDATE: its old row leaves its (status, source) group with -1 and the new row
-- enters the other with +1, in the same flush, so counts move between keys within the transaction.
CREATE OR REPLACE FUNCTION apply_message_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols constant text := $c$local_day, category_id, status, source_id, district_id, h3_5, h3_6, h3_7, h3_8,
    floor(date_part('epoch', answered_at - created_at) / 60)::int,
    floor(date_part('epoch', resolved_at - created_at) / 60)::int$c$;
  queued bigint := 0;
  n bigint;
BEGIN
  IF to_regclass('pg_temp.pending_message_deltas') IS NULL THEN
    CREATE TEMP TABLE pending_message_deltas (
      s smallint NOT NULL,
      local_day date NOT NULL,
      category_id smallint NOT NULL,
      status message_status NOT NULL,
      source_id smallint NOT NULL,
      district_id integer,
      h3_5 bigint NOT NULL,
      h3_6 bigint NOT NULL,
      h3_7 bigint NOT NULL,
      h3_8 bigint NOT NULL,
      answer_minutes integer,
      resolve_minutes integer
    ) ON COMMIT DELETE ROWS;
    CREATE TEMP TABLE pending_delta_flush (queued_at timestamptz NOT NULL) ON COMMIT DELETE ROWS;
    CREATE CONSTRAINT TRIGGER flush_message_changes AFTER INSERT ON pending_delta_flush
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION flush_message_changes();
  END IF;
  IF TG_OP <> 'DELETE' THEN
    EXECUTE format('INSERT INTO pg_temp.pending_message_deltas SELECT 1, %s FROM new_rows', cols);
    GET DIAGNOSTICS n = ROW_COUNT;
    queued := queued + n;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    EXECUTE format('INSERT INTO pg_temp.pending_message_deltas SELECT -1, %s FROM old_rows', cols);
    GET DIAGNOSTICS n = ROW_COUNT;
    queued := queued + n;
  END IF;
  IF queued > 0 AND NOT EXISTS (SELECT FROM pg_temp.pending_delta_flush) THEN
    INSERT INTO pg_temp.pending_delta_flush VALUES (clock_timestamp());
  END IF;
  RETURN NULL;
END;
$$;

-- The extra key columns with a table alias: 'status, source_id, ' -> 'r.status, r.source_id, '.
CREATE FUNCTION qualify_columns(columns text, alias text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT regexp_replace(columns, '(\w+)', alias || '.\1', 'g')
$$;

-- As in 0003, once for the narrow pre-aggregates (keys: category) and once for the new ones (keys:
-- status, source, category): `facet` is the extra key columns, `tables` the table name's tail.
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
  -- Caches and ETags key on data_version (0001): one bump per transaction that changed messages.
  UPDATE app_settings SET value = (value::bigint + 1)::text WHERE key = 'data_version';
  -- Emptied here, not only at commit: SET CONSTRAINTS .. IMMEDIATE can flush mid-transaction.
  TRUNCATE pg_temp.pending_message_deltas;
  DELETE FROM pg_temp.pending_delta_flush;
  RETURN NULL;
END;
$$;

-- The messages already stored, summed as the flush sums them.
INSERT INTO cell_month_source_status_rollup
SELECT CASE WHEN GROUPING(h3_5) = 0 THEN 5 WHEN GROUPING(h3_6) = 0 THEN 6 WHEN GROUPING(h3_7) = 0 THEN 7 ELSE 8 END,
       t, status, source_id, category_id, coalesce(h3_5, h3_6, h3_7, h3_8),
       count(*), count(am), coalesce(sum(am), 0), count(rm), coalesce(sum(rm), 0)
FROM (
  SELECT date_trunc('month', local_day)::date AS t, status, source_id, category_id, h3_5, h3_6, h3_7, h3_8,
         floor(date_part('epoch', answered_at - created_at) / 60)::int AS am,
         floor(date_part('epoch', resolved_at - created_at) / 60)::int AS rm
  FROM messages
) m
GROUP BY GROUPING SETS ((t, status, source_id, category_id, h3_5), (t, status, source_id, category_id, h3_6),
                        (t, status, source_id, category_id, h3_7), (t, status, source_id, category_id, h3_8));

INSERT INTO cell_year_source_status_rollup
SELECT res, date_trunc('year', month)::date, status, source_id, category_id, cell,
       sum(n), sum(answered), sum(answer_minutes_sum), sum(resolved), sum(resolve_minutes_sum)
FROM cell_month_source_status_rollup
GROUP BY res, date_trunc('year', month)::date, status, source_id, category_id, cell;

INSERT INTO district_month_source_status_rollup
SELECT date_trunc('month', local_day)::date, coalesce(district_id, 0), status, source_id, category_id,
       count(*), count(answered_at),
       coalesce(sum(floor(date_part('epoch', answered_at - created_at) / 60)::int), 0),
       count(resolved_at),
       coalesce(sum(floor(date_part('epoch', resolved_at - created_at) / 60)::int), 0)
FROM messages
GROUP BY 1, 2, 3, 4, 5;
