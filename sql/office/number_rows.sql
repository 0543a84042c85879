-- Numbers the rows just read from one file by their place in it. The insert keeps the file's
-- order (DuckDB preserves insertion order), so a row's rowid less the rows read before the file
-- is its data row number. A row_number() OVER () in the reading query would give the same, but a
-- window holds the whole reading and mapping of the file to one thread.
UPDATE office_rows SET _row = rowid + 1 - $first WHERE _row IS NULL;
