-- Issue 14: the day timeline of one district (a municipal account's own time slider, or a district filter)
-- counted its messages each time: the cell pre-aggregates of days (0003, 0014, 0017, 0019) hold every
-- district's messages of a border cell, so a district's share of a cell is not in them. Over 2025 at 5M the
-- busiest district is 277,000 messages read by messages_district_idx (an index-only scan: 287 ms of 350 ms, load
-- about 3). Here messages per cell at res 7 and 8, district, local day and category (messages outside every
-- district are never asked for by district, and are left out); that district's year is ~17,000 (cell, day)
-- pairs at res 8.
-- No status or source: keyed by them too, a district's day would hold about a row a message; those
-- filters with a district still read messages.
CREATE TABLE cell_day_district_counts (
  res smallint NOT NULL,
  district_id integer NOT NULL,
  day date NOT NULL,
  category_id smallint NOT NULL,
  cell bigint NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (res, district_id, day, category_id, cell)
) WITH (fillfactor = 75);

INSERT INTO cell_day_district_counts (res, district_id, day, category_id, cell, n)
SELECT c.res, m.district_id, m.local_day, m.category_id, c.cell, count(*)
FROM messages m
CROSS JOIN LATERAL (VALUES (7, m.h3_7), (8, m.h3_8)) AS c (res, cell)
WHERE m.district_id IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;

CREATE FUNCTION flush_cell_day_district_counts(removals boolean) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- ORDER BY the whole key: concurrent writers lock rows in one order (0012).
  EXECUTE $q$
    INSERT INTO cell_day_district_counts AS r (res, district_id, day, category_id, cell, n)
    SELECT CASE WHEN GROUPING(h3_7) = 0 THEN 7 ELSE 8 END, district_id, local_day, category_id,
           coalesce(h3_7, h3_8), sum(s)::int
    FROM pg_temp.pending_message_deltas
    WHERE district_id IS NOT NULL
    GROUP BY GROUPING SETS ((district_id, local_day, category_id, h3_7), (district_id, local_day, category_id, h3_8))
    HAVING sum(s) <> 0
    ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (res, district_id, day, category_id, cell) DO UPDATE SET n = r.n + excluded.n$q$;
  IF removals THEN
    EXECUTE $q$
      DELETE FROM cell_day_district_counts r
      USING (
        SELECT DISTINCT c.res, f.district_id, f.local_day, f.category_id, c.cell
        FROM pg_temp.pending_message_deltas f
        CROSS JOIN LATERAL (VALUES (7, f.h3_7), (8, f.h3_8)) AS c (res, cell)
        WHERE f.s < 0 AND f.district_id IS NOT NULL
      ) g
      WHERE r.n = 0
        AND (r.res, r.district_id, r.day, r.category_id, r.cell) = (g.res, g.district_id, g.local_day, g.category_id, g.cell)$q$;
  END IF;
END;
$$;

INSERT INTO pre_aggregate_flushes (position, name) VALUES (2, 'flush_cell_day_district_counts');
