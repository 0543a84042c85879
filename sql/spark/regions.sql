-- The township list the Spark job kept (sql/ingest/regions.sql's accepted rows), into the serving database.
INSERT INTO regions BY NAME SELECT * FROM read_parquet(getvariable('spark_files')) ORDER BY code;
