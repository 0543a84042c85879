-- Test-only query (used by test/ingest.test.ts): every accepted birth's date and township, and the
-- columns the births table keeps.
SELECT birth_date::VARCHAR AS birth_date, township_code::VARCHAR AS township_code,
       (SELECT string_agg(column_name, ',' ORDER BY column_index) FROM duckdb_columns() WHERE table_name = 'births') AS columns
FROM births ORDER BY birth_date;
