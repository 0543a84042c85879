-- Points the office reading queries at one UTF-8 CSV and its delimiter (told by office/tabular, so
-- that DuckDB's sniffer, which costs more than reading the file, does not try every dialect).
SET VARIABLE office_file = $file;
SET VARIABLE office_delim = $delim;
SET VARIABLE office_skip = $skip;
