-- The data lines of one office file as the planner sees them in Excel, from its mapped Parquet file:
-- a wide-by-sex population line gave two records with one `_row` (other tables' rows are numbered by
-- their place, `_row` null), and a line with nothing in any column read (`_blank`) is no line of data.
SELECT count(DISTINCT coalesce(_row, file_row_number + 1))::DOUBLE AS n
FROM read_parquet($file, file_row_number = true) WHERE _blank IS NOT TRUE;
