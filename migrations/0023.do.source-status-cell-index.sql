-- Issue 14: a viewport (bbox) with a status or source filter, "unanswered only" on a city's centre, read every
-- row of its resolution in the source/status pre-aggregates: their keys put the cell last and PostgreSQL 15 has
-- no skip scan. 0016 gave the narrow cell tables an index on (res, cell) for this and left these two
-- (docs/scale.md). At 5M, res 8 over all time, 118 cells, two statuses: a parallel sequential scan of
-- cell_year_source_status_rollup's 311,000 rows, 306 ms (load ~3); with this index 8,278 rows, 23 ms warm.
-- Updates of existing rows stay HOT (neither column changes); a new row adds one entry.
CREATE INDEX cell_year_source_status_rollup_cell_idx ON cell_year_source_status_rollup (res, cell);
CREATE INDEX cell_month_source_status_rollup_cell_idx ON cell_month_source_status_rollup (res, cell);
