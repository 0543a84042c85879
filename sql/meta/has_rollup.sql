-- Whether the database has a rollup (one added after it was imported is missing until the next import).
SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = $name;
