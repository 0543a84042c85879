-- Rows in a table's Parquet files, from their footers alone (nothing of the data is read): the Spark
-- import refuses an empty table before it starts a cluster, as the DuckDB import does after staging.
SELECT coalesce(sum(num_rows), 0)::BIGINT AS n FROM parquet_file_metadata($files);
