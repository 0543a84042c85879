-- Benchmark only: male and female births per township over a span, from the raw Parquet.
SELECT township_code, count(*) FILTER (WHERE sex = 'M') AS male, count(*) FILTER (WHERE sex = 'F') AS female
FROM read_parquet($births) WHERE year(birth_date) BETWEEN $from AND $to GROUP BY ALL ORDER BY 1;
