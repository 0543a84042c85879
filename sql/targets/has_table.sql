-- Whether the database has the targets table (imports before targets existed do not).
SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'targets';
