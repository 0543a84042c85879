-- Rows the Spark job quarantined, each with its table and rule, as DuckDB's import keeps them.
INSERT INTO quarantine BY NAME SELECT * FROM read_parquet(getvariable('spark_files'));
