-- Benchmark only: the county TFR for each year computed from the raw Parquet files, no rollups
-- (registered population only, to keep the comparison to the heaviest part: scanning births).
WITH b AS (
  SELECT year(birth_date) AS year,
         least(greatest(year(birth_date) - year(mother_birth_date) - (month(birth_date) * 100 + day(birth_date) < month(mother_birth_date) * 100 + day(mother_birth_date))::INTEGER, 15), 49) AS age,
         count(*) AS n
  FROM read_parquet($births) WHERE year(birth_date) BETWEEN $from AND $to GROUP BY ALL
),
w AS (
  SELECT year + 1 AS year, age, sum(count) / 2.0 AS w FROM read_parquet($population) WHERE sex = 'F' AND age BETWEEN 15 AND 49 GROUP BY ALL
  UNION ALL
  SELECT year, age, sum(count) / 2.0 FROM read_parquet($population) WHERE sex = 'F' AND age BETWEEN 15 AND 49 GROUP BY ALL
),
women AS (SELECT year, age, sum(w) AS w FROM w GROUP BY ALL)
SELECT b.year, sum(b.n / women.w) AS tfr FROM b JOIN women USING (year, age) GROUP BY ALL ORDER BY 1;
