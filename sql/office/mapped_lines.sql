-- The data lines of one office file as the planner sees them in Excel, from its mapped Parquet file: a
-- record a line (a population's lines: population_mapped_lines.sql), and a line with nothing in any
-- column read (`_blank`) is no line of data. No distinct count: a province's births are millions of rows.
SELECT count(*)::DOUBLE AS n FROM read_parquet($file) WHERE _blank IS NOT TRUE;
