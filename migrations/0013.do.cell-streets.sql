-- Place names (issue 13): a cell is named by its most frequent district and street. The street of an
-- address is read by one rule, geo's streetOf (TypeScript: house and flat numbers stripped, spelling
-- variants merged into a key), which the ingester stores with each message: `street` as written (the
-- display form), `street_key` its merged form, '' when the address names no street. NULL: not read
-- yet (a row stored before this migration); `migrate` reads those right after applying this file
-- (api/src/repositories/street-backfill.ts), so the rule is never written twice (once in SQL).
ALTER TABLE messages ADD COLUMN street text, ADD COLUMN street_key text;
-- Empty once the backfill is done; lets it find its rows without a scan of messages.
CREATE INDEX messages_street_unread_idx ON messages (id) WHERE street_key IS NULL;

-- Messages by resolution × cell × district × street key (all time, all categories: a place name does
-- not depend on the filters, so a narrow filter cannot reveal a street the public rule withholds).
-- district_id 0: outside every district; street_key '' (or a row not read yet): no street.
CREATE TABLE cell_street_counts (
  res smallint NOT NULL,
  cell bigint NOT NULL,
  district_id integer NOT NULL,
  street_key text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (res, cell, district_id, street_key)
);
-- The search: the cells of a street.
CREATE INDEX cell_street_counts_key_idx ON cell_street_counts (street_key, res) WHERE street_key <> '';

-- How often each spelling of a street key was written: its display name is the most frequent.
CREATE TABLE street_spellings (
  street_key text NOT NULL,
  name text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (street_key, name)
);

-- Kept exact at every commit like the rollups (0003), and by the same pattern, with its own queue and
-- its own deferred flush (separate from flush_message_changes): statement triggers copy changed rows
-- with a sign into a session temp table, and the flush sums them into the two tables once, just before
-- the commit. Summed per statement instead, concurrent writers (generate runs three) would hold the
-- rows of busy cells until their commits and deadlock on one another.
CREATE FUNCTION queue_street_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cols constant text := $c$coalesce(district_id, 0), coalesce(street_key, ''), street,
    h3_5, h3_6, h3_7, h3_8, h3_9, h3_10$c$;
  -- An update that moves no count (a status, an answer) queues nothing.
  same constant text := $c$(o.district_id, o.street_key, o.street, o.h3_5, o.h3_6, o.h3_7, o.h3_8, o.h3_9,
    o.h3_10) IS NOT DISTINCT FROM (n.district_id, n.street_key, n.street, n.h3_5, n.h3_6, n.h3_7, n.h3_8,
    n.h3_9, n.h3_10)$c$;
  queued bigint := 0;
  k bigint;
BEGIN
  IF to_regclass('pg_temp.pending_street_changes') IS NULL THEN
    CREATE TEMP TABLE pending_street_changes (
      s smallint NOT NULL,
      district_id integer NOT NULL,
      street_key text NOT NULL,
      street text,
      h3_5 bigint NOT NULL,
      h3_6 bigint NOT NULL,
      h3_7 bigint NOT NULL,
      h3_8 bigint NOT NULL,
      h3_9 bigint NOT NULL,
      h3_10 bigint NOT NULL
    ) ON COMMIT DELETE ROWS;
    CREATE TEMP TABLE pending_street_flush (queued_at timestamptz NOT NULL) ON COMMIT DELETE ROWS;
    CREATE CONSTRAINT TRIGGER flush_street_changes AFTER INSERT ON pending_street_flush
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION flush_street_changes();
  END IF;
  IF TG_OP = 'INSERT' THEN
    EXECUTE format('INSERT INTO pg_temp.pending_street_changes SELECT 1, %s FROM new_rows', cols);
    GET DIAGNOSTICS queued = ROW_COUNT;
  ELSIF TG_OP = 'DELETE' THEN
    EXECUTE format('INSERT INTO pg_temp.pending_street_changes SELECT -1, %s FROM old_rows', cols);
    GET DIAGNOSTICS queued = ROW_COUNT;
  ELSE
    EXECUTE format($q$INSERT INTO pg_temp.pending_street_changes
      SELECT 1, %1$s FROM new_rows WHERE id IN (SELECT n.id FROM new_rows n JOIN old_rows o USING (id) WHERE NOT %2$s)
      UNION ALL
      SELECT -1, %1$s FROM old_rows WHERE id IN (SELECT n.id FROM new_rows n JOIN old_rows o USING (id) WHERE NOT %2$s)$q$,
      cols, same);
    GET DIAGNOSTICS k = ROW_COUNT;
    queued := k;
  END IF;
  IF queued > 0 AND NOT EXISTS (SELECT FROM pg_temp.pending_street_flush) THEN
    INSERT INTO pg_temp.pending_street_flush VALUES (clock_timestamp());
  END IF;
  RETURN NULL;
END;
$$;

-- ORDER BY: concurrent flushes lock rows in one order, so they cannot deadlock. Dynamic SQL: a plan
-- cached for a queue of ten rows would be reused for a million.
CREATE FUNCTION flush_street_changes() RETURNS trigger LANGUAGE plpgsql SET work_mem = '64MB' AS $$
DECLARE
  cells constant text := $c$(VALUES (5, f.h3_5), (6, f.h3_6), (7, f.h3_7), (8, f.h3_8), (9, f.h3_9),
    (10, f.h3_10)) AS c (res, cell)$c$;
  removals boolean;
BEGIN
  EXECUTE format($q$
    INSERT INTO cell_street_counts AS r (res, cell, district_id, street_key, n)
    SELECT c.res, c.cell, f.district_id, f.street_key, sum(f.s)::int
    FROM pg_temp.pending_street_changes f CROSS JOIN LATERAL %s
    GROUP BY 1, 2, 3, 4
    HAVING sum(f.s) <> 0
    ORDER BY 1, 2, 3, 4
    ON CONFLICT (res, cell, district_id, street_key) DO UPDATE SET n = r.n + excluded.n$q$, cells);
  EXECUTE $q$
    INSERT INTO street_spellings AS r (street_key, name, n)
    SELECT street_key, street, sum(s)::int
    FROM pg_temp.pending_street_changes
    WHERE street_key <> '' AND street IS NOT NULL
    GROUP BY 1, 2
    HAVING sum(s) <> 0
    ORDER BY 1, 2
    ON CONFLICT (street_key, name) DO UPDATE SET n = r.n + excluded.n$q$;
  EXECUTE 'SELECT EXISTS (SELECT FROM pg_temp.pending_street_changes WHERE s < 0)' INTO removals;
  IF removals THEN
    -- Separate statements: the INSERTs' new values are not visible to a later part of the same one.
    EXECUTE format($q$
      DELETE FROM cell_street_counts r
      USING (
        SELECT DISTINCT c.res, c.cell, f.district_id, f.street_key
        FROM pg_temp.pending_street_changes f CROSS JOIN LATERAL %s
        WHERE f.s < 0
      ) g
      WHERE r.n = 0 AND (r.res, r.cell, r.district_id, r.street_key) = (g.res, g.cell, g.district_id, g.street_key)$q$,
      cells);
    EXECUTE $q$
      DELETE FROM street_spellings r
      USING (SELECT DISTINCT street_key, street FROM pg_temp.pending_street_changes WHERE s < 0) g
      WHERE r.n = 0 AND (r.street_key, r.name) = (g.street_key, g.street)$q$;
  END IF;
  -- Emptied here, not only at commit: SET CONSTRAINTS .. IMMEDIATE can flush mid-transaction.
  TRUNCATE pg_temp.pending_street_changes;
  DELETE FROM pg_temp.pending_street_flush;
  RETURN NULL;
END;
$$;

CREATE TRIGGER messages_streets_insert AFTER INSERT ON messages
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION queue_street_changes();
CREATE TRIGGER messages_streets_update AFTER UPDATE ON messages
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION queue_street_changes();
CREATE TRIGGER messages_streets_delete AFTER DELETE ON messages
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION queue_street_changes();

-- The messages already stored, as not read yet (street_key ''): the backfill's updates then move each
-- one to its street through the triggers above.
INSERT INTO cell_street_counts (res, cell, district_id, street_key, n)
SELECT c.res, c.cell, coalesce(m.district_id, 0), '', count(*)::int
FROM messages m
CROSS JOIN LATERAL (VALUES (5, m.h3_5), (6, m.h3_6), (7, m.h3_7), (8, m.h3_8), (9, m.h3_9), (10, m.h3_10))
  AS c (res, cell)
GROUP BY 1, 2, 3;
