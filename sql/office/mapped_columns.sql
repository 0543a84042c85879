-- The columns of one mapped Parquet file (office/normalise), for the rule file's `src` view.
SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet($file));
