-- cell_day_counts keyed (res, cell, day), was (res, day, cell): the time slider reads every day of
-- a window for each cell in turn (one row of arrays per cell), so rows in cell order let the query
-- stream through the key instead of hashing and sorting ~190k (cell, day) rows for a year at res 8
-- (1M messages); a bbox reads a few cells' ranges. The flush (0003) inserts new rows in this order,
-- so a bulk load lays a cell's days out together. ON CONFLICT (res, day, cell) still infers this
-- key: inference matches the set of columns.
ALTER TABLE cell_day_counts DROP CONSTRAINT cell_day_counts_pkey;
ALTER TABLE cell_day_counts ADD PRIMARY KEY (res, cell, day);
