-- The database's tables (before and after the rollup file runs: the difference is the rollups).
SELECT table_name FROM duckdb_tables() ORDER BY table_name;
