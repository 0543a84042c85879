-- The data lines of one office population file as the planner sees them in Excel, from its mapped Parquet
-- file: a line wide by sex gave two records with one `_row`, so its lines are its distinct rows; a line
-- with nothing in any column read (`_blank`) is no line of data.
SELECT count(DISTINCT _row)::DOUBLE AS n FROM read_parquet($file) WHERE _blank IS NOT TRUE;
