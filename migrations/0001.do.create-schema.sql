-- The data model: districts, messages and the rollup the heat map reads.
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

CREATE TABLE messages (
  id bigserial PRIMARY KEY,
  source_id smallint NOT NULL REFERENCES sources (id),
  external_id text NOT NULL,
  category_id smallint NOT NULL REFERENCES categories (id),
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
  district_id integer REFERENCES districts (id) ON DELETE SET NULL,
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
-- Drill-down reads one cell newest first, at any resolution.
CREATE INDEX messages_h3_5_idx ON messages (h3_5, created_at DESC, id DESC);
CREATE INDEX messages_h3_6_idx ON messages (h3_6, created_at DESC, id DESC);
CREATE INDEX messages_h3_7_idx ON messages (h3_7, created_at DESC, id DESC);
CREATE INDEX messages_h3_8_idx ON messages (h3_8, created_at DESC, id DESC);
CREATE INDEX messages_h3_9_idx ON messages (h3_9, created_at DESC, id DESC);
CREATE INDEX messages_h3_10_idx ON messages (h3_10, created_at DESC, id DESC);
CREATE INDEX messages_created_idx ON messages (created_at);
CREATE INDEX messages_district_idx ON messages (district_id);
CREATE INDEX messages_geom_idx ON messages USING gist (geom);

-- The pre-aggregate: one row per cell x local day x category x source x status x district,
-- at the resolutions whole-region views use. Maintained by statement triggers below, so it is
-- exact inside every transaction that writes messages, whatever the write path.
CREATE TABLE message_rollup (
  res smallint NOT NULL,
  cell bigint NOT NULL,
  day date NOT NULL,
  category_id smallint NOT NULL,
  source_id smallint NOT NULL,
  status message_status NOT NULL,
  district_id integer NOT NULL, -- 0: outside every district
  n integer NOT NULL,
  answered integer NOT NULL,
  answer_minutes_sum bigint NOT NULL,
  resolved integer NOT NULL,
  resolve_minutes_sum bigint NOT NULL,
  PRIMARY KEY (res, cell, day, category_id, source_id, status, district_id)
);
CREATE INDEX message_rollup_res_day_idx ON message_rollup (res, day);

CREATE FUNCTION message_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO message_rollup AS r
      (res, cell, day, category_id, source_id, status, district_id,
       n, answered, answer_minutes_sum, resolved, resolve_minutes_sum)
    SELECT c.res, c.cell, m.local_day, m.category_id, m.source_id, m.status, coalesce(m.district_id, 0),
           count(*),
           count(m.answered_at),
           coalesce(sum(floor(extract(epoch FROM m.answered_at - m.created_at) / 60)), 0)::bigint,
           count(m.resolved_at),
           coalesce(sum(floor(extract(epoch FROM m.resolved_at - m.created_at) / 60)), 0)::bigint
    FROM new_rows m
    CROSS JOIN LATERAL (VALUES (5, m.h3_5), (6, m.h3_6), (7, m.h3_7), (8, m.h3_8)) AS c (res, cell)
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (res, cell, day, category_id, source_id, status, district_id) DO UPDATE SET
      n = r.n + excluded.n,
      answered = r.answered + excluded.answered,
      answer_minutes_sum = r.answer_minutes_sum + excluded.answer_minutes_sum,
      resolved = r.resolved + excluded.resolved,
      resolve_minutes_sum = r.resolve_minutes_sum + excluded.resolve_minutes_sum;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    WITH gone AS (
      SELECT c.res, c.cell, m.local_day AS day, m.category_id, m.source_id, m.status,
             coalesce(m.district_id, 0) AS district_id,
             count(*) AS n,
             count(m.answered_at) AS answered,
             coalesce(sum(floor(extract(epoch FROM m.answered_at - m.created_at) / 60)), 0)::bigint AS ams,
             count(m.resolved_at) AS resolved,
             coalesce(sum(floor(extract(epoch FROM m.resolved_at - m.created_at) / 60)), 0)::bigint AS rms
      FROM old_rows m
      CROSS JOIN LATERAL (VALUES (5, m.h3_5), (6, m.h3_6), (7, m.h3_7), (8, m.h3_8)) AS c (res, cell)
      GROUP BY 1, 2, 3, 4, 5, 6, 7
    )
    UPDATE message_rollup r SET
      n = r.n - g.n,
      answered = r.answered - g.answered,
      answer_minutes_sum = r.answer_minutes_sum - g.ams,
      resolved = r.resolved - g.resolved,
      resolve_minutes_sum = r.resolve_minutes_sum - g.rms
    FROM gone g
    WHERE (r.res, r.cell, r.day, r.category_id, r.source_id, r.status, r.district_id)
        = (g.res, g.cell, g.day, g.category_id, g.source_id, g.status, g.district_id);
    -- A separate statement: a DELETE in the same statement would not see the UPDATE's rows.
    DELETE FROM message_rollup r
    USING (
      SELECT DISTINCT c.res, c.cell, m.local_day AS day
      FROM old_rows m
      CROSS JOIN LATERAL (VALUES (5, m.h3_5), (6, m.h3_6), (7, m.h3_7), (8, m.h3_8)) AS c (res, cell)
    ) g
    WHERE r.n = 0 AND r.res = g.res AND r.cell = g.cell AND r.day = g.day;
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER messages_rollup_insert AFTER INSERT ON messages
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION message_rollup_apply();
CREATE TRIGGER messages_rollup_update AFTER UPDATE ON messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION message_rollup_apply();
CREATE TRIGGER messages_rollup_delete AFTER DELETE ON messages
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION message_rollup_apply();

-- A counter bumped by every statement that changes messages or districts, in the same
-- transaction: API caches and ETags key on it, so a write from any process (CLI import,
-- HTTP ingest, another server) invalidates them.
INSERT INTO app_settings (key, value) VALUES ('data_version', '0');

CREATE FUNCTION bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE app_settings SET value = (value::bigint + 1)::text WHERE key = 'data_version';
  RETURN NULL;
END;
$$;

CREATE TRIGGER messages_data_version AFTER INSERT OR UPDATE OR DELETE ON messages
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
CREATE TRIGGER districts_data_version AFTER INSERT OR UPDATE OR DELETE ON districts
  FOR EACH STATEMENT EXECUTE FUNCTION bump_data_version();
