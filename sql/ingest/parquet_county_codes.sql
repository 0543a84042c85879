-- The county codes of a regions table's Parquet files: whether a Spark import refreshes the county
-- the database holds is known before a cluster starts.
SELECT DISTINCT county_code FROM read_parquet($files) ORDER BY 1;
