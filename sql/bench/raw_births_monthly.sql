-- Benchmark only: births per month for one township from the raw Parquet.
SELECT date_trunc('month', birth_date) AS month, count(*) AS n
FROM read_parquet($births) WHERE township_code = $township AND year(birth_date) BETWEEN $from AND $to GROUP BY ALL ORDER BY 1;
