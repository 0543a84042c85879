-- Reads every column of every row of one Parquet file (a hash per column, summed), to find which
-- file of a table is damaged when DuckDB's error does not name it.
SELECT sum(hash(COLUMNS(*)))::VARCHAR FROM read_parquet($file)
