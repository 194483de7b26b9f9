-- minutes_bucket (0014) without STRICT: PostgreSQL inlines a SQL function into the query that calls it only
-- when it is not STRICT (or its body is provably strict, which a CASE is not), and a call it does not inline
-- costs ~2.7 us through the SQL-function executor, where the inlined expression costs ~0.2 us (200k calls:
-- 551 -> 44 ms). It is called twice a message in every flush and in the reads of a window's partial months
-- (a summary over 2025-03-15..2025-08-20 at 1M spent 0.86 s there). NULL still gives NULL: CASE of NULL
-- minutes falls to ln(NULL).
CREATE OR REPLACE FUNCTION minutes_bucket(minutes integer) RETURNS smallint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN minutes <= 0 THEN -1
              ELSE ceil(ln(minutes::float8) / ln(1.02::float8 / 0.98::float8))::smallint END
$$;
