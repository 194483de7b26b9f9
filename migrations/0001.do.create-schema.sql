-- The data model: districts, messages and the pre-aggregates the heat map reads.
-- H3 cells are computed in TypeScript (h3-js) and stored as bigint: no H3 extension
-- exists for every PostgreSQL we run on (Debian's server, PGlite).

CREATE EXTENSION IF NOT EXISTS postgis;

-- Settings the stored data depends on (the region time zone that local_day was computed in).
CREATE TABLE app_settings (
  key text PRIMARY KEY,
  value text NOT NULL
);

CREATE TABLE districts (
  id serial PRIMARY KEY,
  name text NOT NULL UNIQUE,
  geom geometry(MultiPolygon, 4326) NOT NULL
);
CREATE INDEX districts_geom_idx ON districts USING gist (geom);

-- Districts cut into small pieces: point-in-polygon against a 64-vertex piece is far
-- cheaper than against a 600-vertex district, and the GiST index narrows to one piece.
CREATE TABLE district_parts (
  district_id integer NOT NULL REFERENCES districts (id) ON DELETE CASCADE,
  geom geometry(Polygon, 4326) NOT NULL
);
CREATE INDEX district_parts_geom_idx ON district_parts USING gist (geom);

CREATE TABLE categories (
  id smallserial PRIMARY KEY,
  name text NOT NULL UNIQUE
);

CREATE TABLE sources (
  id smallserial PRIMARY KEY,
  name text NOT NULL UNIQUE
);

CREATE TYPE message_status AS ENUM ('new', 'in_progress', 'answered', 'resolved', 'closed_unresolved');

-- No foreign keys: a row-level check per key cost ingest ~9 us a message (of a ~50 us budget).
-- source_id and category_id come from a join on the names in the same INSERT, and nothing deletes
-- sources or categories; district_id is assigned by containment and recomputed for every message
-- whenever districts are replaced (districts-repository.ts), in the same transaction.
CREATE TABLE messages (
  id bigserial PRIMARY KEY,
  source_id smallint NOT NULL,
  external_id text NOT NULL,
  category_id smallint NOT NULL,
  title text,
  body text,
  -- Personal data: never leaves the staff API.
  author text,
  author_url text,
  address text,
  executor text,
  url text,
  status message_status NOT NULL,
  status_raw text,
  created_at timestamptz NOT NULL,
  answered_at timestamptz,
  resolved_at timestamptz,
  -- created_at's calendar day in the region time zone (app_settings 'timezone').
  local_day date NOT NULL,
  lat double precision NOT NULL,
  lon double precision NOT NULL,
  geom geometry(Point, 4326) NOT NULL,
  district_id integer,
  h3_5 bigint NOT NULL,
  h3_6 bigint NOT NULL,
  h3_7 bigint NOT NULL,
  h3_8 bigint NOT NULL,
  h3_9 bigint NOT NULL,
  h3_10 bigint NOT NULL,
  -- Hash of everything above that came from the input: a re-send with the same hash is a no-op.
  content_hash text NOT NULL,
  ingested_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (source_id, external_id)
);
-- Drill-down reads one cell newest first, at any resolution; every index here costs ingest
-- ~2-5 us a message, so each is as narrow as its reads allow. At res 7..10 a busy cell (a hotspot)
-- holds thousands of messages: the index delivers them in page order. A res 5 or 6 cell holds
-- either a large share of all messages (walking messages_created_idx newest first finds a page at
-- once) or a few (found by the cell alone, then sorted): the planner tells them apart by statistics.
CREATE INDEX messages_h3_5_idx ON messages (h3_5);
CREATE INDEX messages_h3_6_idx ON messages (h3_6);
CREATE INDEX messages_h3_7_idx ON messages (h3_7, created_at DESC, id DESC);
CREATE INDEX messages_h3_8_idx ON messages (h3_8, created_at DESC, id DESC);
CREATE INDEX messages_h3_9_idx ON messages (h3_9, created_at DESC, id DESC);
CREATE INDEX messages_h3_10_idx ON messages (h3_10, created_at DESC, id DESC);
-- Windows read from the raw rows (short windows, the partial months at a window's edges): the
-- columns a per-cell count reads ride along, so those reads never visit the table (messages arrive
-- in any time order, and a heap page per message was most of the time of such a read).
CREATE INDEX messages_created_idx ON messages (created_at)
  INCLUDE (category_id, h3_5, h3_6, h3_7, h3_8, answered_at, resolved_at);
-- Scoped (municipal) and district-filtered reads: a district's messages in a window, with the
-- counted columns for the same reason (a municipal view of 1M messages read ~28k heap pages).
CREATE INDEX messages_district_idx ON messages (district_id, created_at)
  INCLUDE (category_id, h3_5, h3_6, h3_7, h3_8, answered_at, resolved_at);

-- The pre-aggregates, shaped by the queries that read them (rows are sums over messages):
-- - cell_month_rollup: per resolution 5..8, local month (its first day), category and cell. Whole
--   local months of a window come from here, the partial months at its edges from messages.
--   ~0.3 rows per message at res 8, where a (cell, day, category, ...) rollup had more rows than messages.
-- - cell_year_rollup: the same per local year, for the whole years of long windows: a whole-range
--   view then sums cells x years x categories rows, which do not grow with the data (the month
--   rollup's res-8 rows did: ~160k at 1M messages, ~100 ms to sum on this machine).
-- - district_month_rollup: per local month, district (0: outside every district) and category.
-- - cell_day_counts: messages per local day and cell at res 7 (res column kept for more later),
--   for the time slider's day and week buckets. Each resolution here costs ingest ~5 us a message
--   (one upsert: a cell-day holds ~1-6 messages); other resolutions read messages.
-- Statement triggers keep them exact inside every transaction that writes messages. Most writes
-- add to an existing row: free space on each page (fillfactor) lets the new version stay on its
-- page without a new index entry (a HOT update).
CREATE TABLE cell_month_rollup (
  res smallint NOT NULL,
  month date NOT NULL,
  category_id smallint NOT NULL,
  cell bigint NOT NULL,
  n integer NOT NULL,
  answered integer NOT NULL,
  answer_minutes_sum bigint NOT NULL,
  resolved integer NOT NULL,
  resolve_minutes_sum bigint NOT NULL,
  PRIMARY KEY (res, month, category_id, cell)
) WITH (fillfactor = 75);

CREATE TABLE cell_year_rollup (
  res smallint NOT NULL,
  year date NOT NULL,
  category_id smallint NOT NULL,
  cell bigint NOT NULL,
  n integer NOT NULL,
  answered integer NOT NULL,
  answer_minutes_sum bigint NOT NULL,
  resolved integer NOT NULL,
  resolve_minutes_sum bigint NOT NULL,
  PRIMARY KEY (res, year, category_id, cell)
) WITH (fillfactor = 75);

CREATE TABLE district_month_rollup (
  month date NOT NULL,
  district_id integer NOT NULL,
  category_id smallint NOT NULL,
  n integer NOT NULL,
  answered integer NOT NULL,
  answer_minutes_sum bigint NOT NULL,
  resolved integer NOT NULL,
  resolve_minutes_sum bigint NOT NULL,
  PRIMARY KEY (month, district_id, category_id)
) WITH (fillfactor = 75);

CREATE TABLE cell_day_counts (
  res smallint NOT NULL,
  day date NOT NULL,
  cell bigint NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (res, day, cell)
) WITH (fillfactor = 75);

-- One function for every write: the changed rows with a sign (+1 added, -1 removed) are summed
-- into each pre-aggregate by INSERT .. ON CONFLICT, rows that reach zero are removed, and
-- data_version is bumped when a row changed. Dynamic SQL: the transition tables an event has
-- differ (INSERT has no old rows), and only the trigger's own statements can read them.
CREATE FUNCTION apply_message_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols constant text := 'local_day, category_id, district_id, h3_5, h3_6, h3_7, h3_8, created_at, answered_at, resolved_at';
  changed text;
  metrics constant text := $m$
    sum(m.s)::int,
    sum(m.s) FILTER (WHERE m.answered_at IS NOT NULL)::int,
    coalesce(sum(m.s * floor(extract(epoch FROM m.answered_at - m.created_at) / 60)), 0)::bigint,
    sum(m.s) FILTER (WHERE m.resolved_at IS NOT NULL)::int,
    coalesce(sum(m.s * floor(extract(epoch FROM m.resolved_at - m.created_at) / 60)), 0)::bigint$m$;
  add_metrics constant text := $m$
    n = r.n + excluded.n,
    answered = r.answered + excluded.answered,
    answer_minutes_sum = r.answer_minutes_sum + excluded.answer_minutes_sum,
    resolved = r.resolved + excluded.resolved,
    resolve_minutes_sum = r.resolve_minutes_sum + excluded.resolve_minutes_sum$m$;
  any_rows boolean;
BEGIN
  changed := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT 1 AS s, %s FROM new_rows', cols)
    WHEN 'DELETE' THEN format('SELECT -1 AS s, %s FROM old_rows', cols)
    ELSE format('SELECT 1 AS s, %1$s FROM new_rows UNION ALL SELECT -1 AS s, %1$s FROM old_rows', cols)
  END;
  EXECUTE format('SELECT EXISTS (SELECT FROM %s_rows)', CASE TG_OP WHEN 'DELETE' THEN 'old' ELSE 'new' END)
    INTO any_rows;
  IF NOT any_rows THEN
    RETURN NULL;
  END IF;
  -- coalesce: FILTER over no rows gives NULL. HAVING drops groups whose changes cancel out.
  EXECUTE format($q$
    INSERT INTO cell_month_rollup AS r
      (res, month, category_id, cell, n, answered, answer_minutes_sum, resolved, resolve_minutes_sum)
    SELECT res, month, category_id, cell, n, coalesce(a, 0), ams, coalesce(rs, 0), rms FROM (
      SELECT c.res, date_trunc('month', m.local_day)::date AS month, m.category_id, c.cell, %s
      FROM (%s) m
      CROSS JOIN LATERAL (VALUES (5, m.h3_5), (6, m.h3_6), (7, m.h3_7), (8, m.h3_8)) AS c (res, cell)
      GROUP BY 1, 2, 3, 4
      ORDER BY 1, 2, 3, 4
    ) AS d (res, month, category_id, cell, n, a, ams, rs, rms)
    WHERE n <> 0 OR coalesce(a, 0) <> 0 OR ams <> 0 OR coalesce(rs, 0) <> 0 OR rms <> 0
    ON CONFLICT (res, month, category_id, cell) DO UPDATE SET %s$q$, metrics, changed, add_metrics);
  EXECUTE format($q$
    INSERT INTO cell_year_rollup AS r
      (res, year, category_id, cell, n, answered, answer_minutes_sum, resolved, resolve_minutes_sum)
    SELECT res, year, category_id, cell, n, coalesce(a, 0), ams, coalesce(rs, 0), rms FROM (
      SELECT c.res, date_trunc('year', m.local_day)::date AS year, m.category_id, c.cell, %s
      FROM (%s) m
      CROSS JOIN LATERAL (VALUES (5, m.h3_5), (6, m.h3_6), (7, m.h3_7), (8, m.h3_8)) AS c (res, cell)
      GROUP BY 1, 2, 3, 4
      ORDER BY 1, 2, 3, 4
    ) AS d (res, year, category_id, cell, n, a, ams, rs, rms)
    WHERE n <> 0 OR coalesce(a, 0) <> 0 OR ams <> 0 OR coalesce(rs, 0) <> 0 OR rms <> 0
    ON CONFLICT (res, year, category_id, cell) DO UPDATE SET %s$q$, metrics, changed, add_metrics);
  EXECUTE format($q$
    INSERT INTO district_month_rollup AS r
      (month, district_id, category_id, n, answered, answer_minutes_sum, resolved, resolve_minutes_sum)
    SELECT month, district_id, category_id, n, coalesce(a, 0), ams, coalesce(rs, 0), rms FROM (
      SELECT date_trunc('month', m.local_day)::date, coalesce(m.district_id, 0), m.category_id, %s
      FROM (%s) m
      GROUP BY 1, 2, 3
    ) AS d (month, district_id, category_id, n, a, ams, rs, rms)
    WHERE n <> 0 OR coalesce(a, 0) <> 0 OR ams <> 0 OR coalesce(rs, 0) <> 0 OR rms <> 0
    ON CONFLICT (month, district_id, category_id) DO UPDATE SET %s$q$, metrics, changed, add_metrics);
  EXECUTE format($q$
    INSERT INTO cell_day_counts AS r (res, day, cell, n)
    SELECT c.res, m.local_day, c.cell, sum(m.s)::int
    FROM (%s) m
    CROSS JOIN LATERAL (VALUES (7, m.h3_7)) AS c (res, cell)
    GROUP BY 1, 2, 3
    HAVING sum(m.s) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (res, day, cell) DO UPDATE SET n = r.n + excluded.n$q$, changed);
  IF TG_OP <> 'INSERT' THEN
    -- Separate statements: the INSERTs' new values are not visible to a later part of the same one.
    -- n = 0 leaves every other sum at 0 too (each counts a subset of the messages).
    DELETE FROM cell_month_rollup r
    USING (
      SELECT DISTINCT c.res, date_trunc('month', m.local_day)::date AS month, m.category_id, c.cell
      FROM old_rows m
      CROSS JOIN LATERAL (VALUES (5, m.h3_5), (6, m.h3_6), (7, m.h3_7), (8, m.h3_8)) AS c (res, cell)
    ) g
    WHERE r.n = 0 AND (r.res, r.month, r.category_id, r.cell) = (g.res, g.month, g.category_id, g.cell);
    DELETE FROM cell_year_rollup r
    USING (
      SELECT DISTINCT c.res, date_trunc('year', m.local_day)::date AS year, m.category_id, c.cell
      FROM old_rows m
      CROSS JOIN LATERAL (VALUES (5, m.h3_5), (6, m.h3_6), (7, m.h3_7), (8, m.h3_8)) AS c (res, cell)
    ) g
    WHERE r.n = 0 AND (r.res, r.year, r.category_id, r.cell) = (g.res, g.year, g.category_id, g.cell);
    DELETE FROM district_month_rollup r
    USING (
      SELECT DISTINCT date_trunc('month', local_day)::date AS month, coalesce(district_id, 0) AS district_id,
             category_id
      FROM old_rows
    ) g
    WHERE r.n = 0 AND (r.month, r.district_id, r.category_id) = (g.month, g.district_id, g.category_id);
    DELETE FROM cell_day_counts r
    USING (
      SELECT DISTINCT c.res, m.local_day, c.cell
      FROM old_rows m
      CROSS JOIN LATERAL (VALUES (7, m.h3_7)) AS c (res, cell)
    ) g
    WHERE r.n = 0 AND (r.res, r.day, r.cell) = (g.res, g.local_day, g.cell);
  END IF;
  -- Caches and ETags key on data_version (see below): bump it only when messages really changed.
  UPDATE app_settings SET value = (value::bigint + 1)::text WHERE key = 'data_version';
  RETURN NULL;
END;
$$;

CREATE TRIGGER messages_changes_insert AFTER INSERT ON messages
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION apply_message_changes();
CREATE TRIGGER messages_changes_update AFTER UPDATE ON messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION apply_message_changes();
CREATE TRIGGER messages_changes_delete AFTER DELETE ON messages
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION apply_message_changes();

-- A counter bumped by every statement that changes messages (apply_message_changes above) or
-- districts, in the same transaction: API caches and ETags key on it, so a write from any process
-- (CLI import, HTTP ingest, another server) invalidates them.
INSERT INTO app_settings (key, value) VALUES ('data_version', '0');

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE app_settings SET value = (value::bigint + 1)::text WHERE key = 'data_version';
  RETURN NULL;
END;
$$;

CREATE TRIGGER districts_data_version AFTER INSERT OR UPDATE OR DELETE ON districts
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
