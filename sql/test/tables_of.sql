-- The tables of one attached database.
SELECT table_name FROM duckdb_tables() WHERE database_name = $database ORDER BY table_name;
