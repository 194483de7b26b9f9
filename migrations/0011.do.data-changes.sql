-- Pushed updates (GET /api/v1/stream) tell a caller which local days changed, and only when the
-- change is in data that caller may see: a municipal head's map is woken by its own districts and
-- never learns that another district changed. So every data_version bump records which
-- (local day, district) pairs its transaction touched, as one row with two parallel arrays (a 5,000
-- message import batch spread over two years touches thousands of pairs: one row, not thousands).
--
-- Versions follow commit order: the bump is an UPDATE of one app_settings row, whose lock is held
-- to the commit, so a reader that sees data_version = V sees every data_changes row up to V.
-- A bump with no message changes (a district write) records a row with null arrays.
CREATE TABLE data_changes (
  version bigint PRIMARY KEY,
  -- Parallel arrays: pair i is (local_days[i], district_ids[i]); district 0 is outside every district.
  local_days date[],
  district_ids integer[],
  changed_at timestamptz NOT NULL DEFAULT now()
);

-- Statement triggers queue the touched pairs of each statement in a session temp table (rows
-- queued in a rolled back transaction or savepoint go with it); the bump moves them into
-- data_changes. Dynamic SQL: an event has only the transition tables it declares.
CREATE FUNCTION queue_changed_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass('pg_temp.pending_changed_days') IS NULL THEN
    CREATE TEMP TABLE pending_changed_days (local_day date NOT NULL, district_id integer NOT NULL)
      ON COMMIT DELETE ROWS;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    EXECUTE 'INSERT INTO pg_temp.pending_changed_days
             SELECT DISTINCT local_day, coalesce(district_id, 0) FROM new_rows';
  END IF;
  IF TG_OP <> 'INSERT' THEN
    EXECUTE 'INSERT INTO pg_temp.pending_changed_days
             SELECT DISTINCT local_day, coalesce(district_id, 0) FROM old_rows';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER messages_changed_days_insert AFTER INSERT ON messages
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION queue_changed_days();
CREATE TRIGGER messages_changed_days_update AFTER UPDATE ON messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION queue_changed_days();
CREATE TRIGGER messages_changed_days_delete AFTER DELETE ON messages
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION queue_changed_days();

-- Runs inside the bump (the rollup flush at commit, or a district write): the new version is known.
-- Changes older than a week are dropped here, a few rows at a time: a stream that reconnects after
-- longer is told to reload everything.
CREATE FUNCTION record_data_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  days date[];
  districts integer[];
BEGIN
  IF to_regclass('pg_temp.pending_changed_days') IS NOT NULL THEN
    EXECUTE 'SELECT array_agg(local_day ORDER BY local_day, district_id),
                    array_agg(district_id ORDER BY local_day, district_id)
             FROM (SELECT DISTINCT local_day, district_id FROM pg_temp.pending_changed_days) p'
      INTO days, districts;
    EXECUTE 'DELETE FROM pg_temp.pending_changed_days';
  END IF;
  INSERT INTO data_changes (version, local_days, district_ids) VALUES (NEW.value::bigint, days, districts)
  ON CONFLICT (version) DO UPDATE SET local_days = excluded.local_days, district_ids = excluded.district_ids;
  -- The oldest rows by the primary key (changed_at follows version), not a scan of the week.
  DELETE FROM data_changes
  WHERE version IN (SELECT version FROM data_changes ORDER BY version LIMIT 100)
    AND changed_at < now() - interval '7 days';
  RETURN NULL;
END;
$$;

CREATE TRIGGER app_settings_data_change AFTER UPDATE ON app_settings
  FOR EACH ROW WHEN (NEW.key = 'data_version' AND NEW.value IS DISTINCT FROM OLD.value)
  EXECUTE FUNCTION record_data_change();
