-- Benchmark only: county in-migrant stock at each 31 Dec, scanning the raw migrant records.
SELECT y AS year, count(*) AS n
FROM read_parquet($migrants), range($from, $to + 1) AS years(y)
WHERE direction = 'in' AND arrival_date <= make_date(y::INTEGER, 12, 31) AND (departure_date IS NULL OR departure_date > make_date(y::INTEGER, 12, 31))
GROUP BY ALL ORDER BY 1;
